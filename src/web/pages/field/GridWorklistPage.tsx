/** Placeholder: replaced by the page's owner. */
export function GridWorklistPage() {
  return null;
}
