import dns from 'node:dns/promises';
import net from 'node:net';

/**
 * Webhook URLs are typed in by district officers, and the server then calls them: without a
 * check, a URL could make the server reach its own database, a metadata service or anything on
 * the office network (server-side request forgery). Only public addresses are called unless the
 * deployment allows private ones (WEBHOOK_PRIVATE_TARGETS=allow, for an intranet receiver).
 */
const blocked = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of [['::', 127], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  blocked.addSubnet(address, prefix, 'ipv6');
}

export function isPrivateAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const family = net.isIP(ip);
  if (family === 0) return true;
  return blocked.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/** What can be told without DNS: a literal private address or a local name. */
export function isPlainlyPrivate(url: URL): boolean {
  const host = hostOf(url);
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  return net.isIP(host) !== 0 && isPrivateAddress(host);
}

export class PrivateDestinationError extends Error {
  constructor(host: string) {
    super(`destination ${host} is a private or local address`);
  }
}

/**
 * Checked again before every attempt, since a name may resolve elsewhere than when the
 * subscription was saved. (The request resolves the name once more itself; a receiver that
 * flips its DNS between the two lookups is not stopped here — a deployment that must rule
 * that out routes webhooks through an egress proxy.)
 */
export async function assertPublicDestination(url: URL, lookup: typeof dns.lookup = dns.lookup): Promise<void> {
  const host = hostOf(url);
  if (isPlainlyPrivate(url)) throw new PrivateDestinationError(host);
  if (net.isIP(host)) return;
  const addresses = await lookup(host, { all: true, verbatim: true });
  if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) throw new PrivateDestinationError(host);
}
