/** Owned by the needs pages. */
export default {
  needsPages: { title: 'needs' },
};
