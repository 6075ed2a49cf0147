/** Placeholder: replaced by the page's owner. */
export function MyNeedPage() {
  return null;
}
