import dns from 'node:dns/promises';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Webhook URLs are typed in by district officers, and the server then calls them: without a
 * check, a URL could make the server reach its own database, a metadata service or anything on
 * the office network (server-side request forgery). Only public addresses are called unless the
 * deployment allows private ones (WEBHOOK_PRIVATE_TARGETS=allow, for an intranet receiver).
 *
 * The decision is made on the addresses a name resolves to, never on how the URL spells them,
 * and the request then connects to the very address that was checked (see webhooks.ts).
 */

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Name resolution: the system's (hosts file, then DNS) unless a test gives its own. */
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemLookup: HostLookup = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

// IANA's global unicast block: the rest of the IPv6 space is reserved or special (it holds the
// deprecated IPv4-compatible ::/96, which ipaddr.js calls plain unicast).
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * A public address is one that ipaddr.js puts in no special-purpose range ('unicast'): not
 * loopback, private, link-local, shared, reserved, documentation, benchmarking, multicast,
 * 6to4, Teredo, NAT64 or any other. An IPv4-mapped IPv6 address is judged as its IPv4 address.
 */
export function isPublicAddress(ip: string): boolean {
  if (net.isIP(ip) === 0) return false;
  let address = ipaddr.parse(ip);
  if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress()) address = address.toIPv4Address();
  if (address.range() !== 'unicast') return false;
  return address instanceof ipaddr.IPv4 || address.match(GLOBAL_UNICAST_V6);
}

/** The host as compared: lower case, without IPv6 brackets or the root's trailing dot. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
}

/** Names that mean this machine or its local network, whatever a resolver answers for them. */
function isLocalName(host: string): boolean {
  return host === 'localhost' || ['.localhost', '.local', '.internal'].some((suffix) => host.endsWith(suffix));
}

export class DestinationError extends Error {
  constructor(
    readonly reason: 'private' | 'unresolved',
    host: string,
  ) {
    super(reason === 'private' ? `destination ${host} is a private or local address` : `destination ${host} could not be resolved`);
  }
}

/**
 * Resolves the URL's host once and checks every address it has (one private address is
 * enough to refuse: a resolver may hand out any of them). The caller connects to the address
 * answered here (keeping the name for Host and TLS), so a name that resolves elsewhere a moment later (DNS rebinding) changes
 * nothing.
 */
export async function resolveDestination(
  url: URL,
  options: { lookup?: HostLookup; allowPrivate?: boolean } = {},
): Promise<ResolvedAddress> {
  const host = hostOf(url);
  if (!options.allowPrivate && isLocalName(host)) throw new DestinationError('private', host);
  const family = net.isIP(host);
  const addresses = family
    ? [{ address: host, family }]
    : await (options.lookup ?? systemLookup)(url.hostname).catch(() => []);
  if (addresses.length === 0) throw new DestinationError('unresolved', host);
  if (!options.allowPrivate && !addresses.every((a) => isPublicAddress(a.address))) throw new DestinationError('private', host);
  return addresses[0]!;
}
