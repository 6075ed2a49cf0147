/** Placeholder: replaced by the page's owner. */
export function NeedsBoardPage() {
  return null;
}
