/** Owned by the field pages. */
export default {
  fieldPages: { title: 'field' },
};
