/** The display mode: large text and high contrast. */
export default {
  display: {
    largeText: 'Large text',
    largeTextLong: 'Large text, high contrast',
  },
};
