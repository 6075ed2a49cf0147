/** Owned by the lists pages. */
export default {
  listsPages: { title: 'lists' },
};
