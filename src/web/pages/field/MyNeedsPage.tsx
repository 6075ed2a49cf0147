/** Placeholder: replaced by the page's owner. */
export function MyNeedsPage() {
  return null;
}
