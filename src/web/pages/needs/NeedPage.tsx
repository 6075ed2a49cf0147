/** Placeholder: replaced by the page's owner. */
export function NeedPage() {
  return null;
}
