/** Placeholder: replaced by the page's owner. */
export function ThreeListsPage() {
  return null;
}
