/** The display mode: large text and high contrast. */
export default {
  display: {
    largeText: '大字',
    largeTextLong: '大字高对比',
  },
};
