/** Placeholder: replaced by the page's owner. */
export function InboxPage() {
  return null;
}
