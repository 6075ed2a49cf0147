/** The address after the community's name: on a phone the city, district and street repeat on every row. */
export function shortAddress(address: string, communityName: string | undefined | null): string {
  if (!communityName) return address;
  const i = address.indexOf(communityName);
  return i >= 0 && address.length > i + communityName.length ? address.slice(i + communityName.length) : address;
}
