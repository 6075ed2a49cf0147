import { describe, expect, it } from 'vitest';
import { DestinationError, isPublicAddress, resolveDestination, systemLookup, type HostLookup } from './destination.ts';

/** A resolver that answers like a hosts file or DNS would for these names, and nothing else. */
function resolver(table: Record<string, string[]>): HostLookup & { asked: string[] } {
  const asked: string[] = [];
  const lookup = async (hostname: string) => {
    asked.push(hostname);
    const answer = table[hostname];
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(lookup, { asked });
}

const reasonOf = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: unknown) => (e instanceof DestinationError ? e.reason : `other: ${String(e)}`),
  );

describe('isPublicAddress', () => {
  it.each([
    // IPv4 special-purpose ranges
    '127.0.0.1', '127.255.255.254', '10.20.30.40', '172.16.0.1', '172.31.255.255', '192.168.0.10', '169.254.169.254',
    '100.64.0.1', '0.0.0.0', '0.1.2.3', '224.0.0.1', '239.255.255.250', '255.255.255.255', '192.0.0.8', '192.0.2.1',
    '192.88.99.1', '198.18.0.1', '198.19.255.1', '198.51.100.7', '203.0.113.9', '240.0.0.1',
    // IPv6: loopback, unspecified, IPv4-compatible (::127.0.0.1, ::10.0.0.1) and IPv4-mapped
    '::1', '::', '::7f00:1', '::a00:1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:169.254.169.254',
    // 6to4 (of 127.0.0.1 and even of a public address), Teredo, NAT64 (well-known and local-use)
    '2002:7f00:1::', '2002:808:808::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '64:ff9b::7f00:1', '64:ff9b::808:808', '64:ff9b:1::a00:1',
    // unique local, link-local, site-local, multicast, documentation, benchmarking, discard, SRv6, ORCHID, outside 2000::/3
    'fd00::1', 'fc00::1', 'fe80::1', 'fe80::1%eth0', 'fec0::1', 'ff02::1', '2001:db8::1', '3fff::1', '2001:2::1', '100::1',
    '5f00::1', '2001:20::1', '4000::1', 'e000::1',
    // not an address at all
    'not-an-ip', '', '0x7f.1',
  ])('%s is not public', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(['8.8.8.8', '114.114.114.114', '172.32.0.1', '93.184.216.34', '::ffff:8.8.8.8', '2400:3200::1', '240e:1::1', '2606:4700:4700::1111'])(
    '%s is public',
    (ip) => {
      expect(isPublicAddress(ip)).toBe(true);
    },
  );
});

describe('resolveDestination', () => {
  const hosts = resolver({
    'hooks.example.org': ['93.184.216.34'],
    'v6.example.org': ['2606:4700:4700::1111', '93.184.216.34'],
    // names a hosts file points at this machine or the office network
    'intranet-box': ['127.0.1.1'],
    'nas.example.org': ['10.0.0.5'],
    'split.example.org': ['93.184.216.34', '192.168.1.9'],
    'mapped.example.org': ['::ffff:127.0.0.1'],
    'localhost.': ['127.0.0.1'],
    'localhost': ['127.0.0.1'],
    'empty.example.org': [],
  });

  it.each([
    ['http://[::127.0.0.1]/hook', 'private'],
    ['http://[2002:7f00:1::]/hook', 'private'],
    ['http://[64:ff9b::127.0.0.1]/hook', 'private'],
    ['http://[::ffff:127.0.0.1]/hook', 'private'],
    ['http://[fe80::1]/hook', 'private'],
    ['http://0x7f.1/hook', 'private'],
    ['http://2130706433/hook', 'private'],
    ['http://localhost./hook', 'private'],
    ['http://LOCALHOST/hook', 'private'],
    ['http://a.b.localhost./hook', 'private'],
    ['http://printer.local/hook', 'private'],
    ['http://metadata.google.internal/hook', 'private'],
    ['http://intranet-box/hook', 'private'],
    ['http://nas.example.org/hook', 'private'],
    ['http://split.example.org/hook', 'private'],
    ['http://mapped.example.org/hook', 'private'],
    ['http://nowhere.example.org/hook', 'unresolved'],
    ['http://empty.example.org/hook', 'unresolved'],
    ['https://hooks.example.org/hook', 'accepted'],
    ['https://v6.example.org/hook', 'accepted'],
    ['https://[2606:4700:4700::1111]/hook', 'accepted'],
    ['http://8.8.8.8:8080/hook', 'accepted'],
  ])('%s: %s', async (url, expected) => {
    expect(await reasonOf(resolveDestination(new URL(url), { lookup: hosts }))).toBe(expected);
  });

  it('answers the address it checked, asking the resolver once for the name as written', async () => {
    hosts.asked.length = 0;
    expect(await resolveDestination(new URL('https://v6.example.org/in'), { lookup: hosts })).toEqual({ address: '2606:4700:4700::1111', family: 6 });
    expect(await resolveDestination(new URL('http://[2606:4700:4700::1111]:81/in'), { lookup: hosts })).toEqual({ address: '2606:4700:4700::1111', family: 6 });
    expect(hosts.asked).toEqual(['v6.example.org']);
  });

  it('lets a deployment that allows private receivers reach them, still by one resolved address', async () => {
    expect(await resolveDestination(new URL('http://intranet-box:8080/hook'), { lookup: hosts, allowPrivate: true })).toEqual({ address: '127.0.1.1', family: 4 });
    expect(await resolveDestination(new URL('http://[::1]/hook'), { allowPrivate: true })).toEqual({ address: '::1', family: 6 });
    expect(await reasonOf(resolveDestination(new URL('http://nowhere.example.org/'), { lookup: hosts, allowPrivate: true }))).toBe('unresolved');
  });

  it('resolves with the system resolver by default, the hosts file included', async () => {
    const answers = await systemLookup('localhost');
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((a) => !isPublicAddress(a.address))).toBe(true);
  });
});
