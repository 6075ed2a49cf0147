/** Placeholder: replaced by the page's owner. */
export function RecordVisitPage() {
  return null;
}
