/** Placeholder: replaced by the page's owner. */
export function MyGridsPage() {
  return null;
}
