/** Placeholder: replaced by the page's owner. */
export function ReportNeedPage() {
  return null;
}
