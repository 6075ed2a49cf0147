/** Placeholder: replaced by the page's owner. */
export function NeedSettingsPage() {
  return null;
}
