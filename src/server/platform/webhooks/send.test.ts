import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendToAddress } from './send.ts';
import { startReceiver, type Receiver } from './testing.ts';

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

const loopback = { address: '127.0.0.1', family: 4 };

describe('sendToAddress', () => {
  it('connects to the checked address, never resolving the name again, and keeps the name as Host', async () => {
    const { port } = new URL(receiver.url);
    // `.invalid` never resolves (RFC 6761): the request can only arrive through the given address.
    const url = new URL(`http://hooks.sanshe.invalid:${port}/hook?x=1`);
    receiver.script.push(202);
    const status = await sendToAddress({ url, address: loopback, headers: { 'x-test': 'a' }, body: '{"a":1}', signal: AbortSignal.timeout(5000) });
    expect(status).toBe(202);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.headers.host).toBe(`hooks.sanshe.invalid:${port}`);
    expect(receiver.received[0]!.headers['x-test']).toBe('a');
    expect(receiver.received[0]!.body).toBe('{"a":1}');
  });

  it('sends the name as the TLS server name, so the certificate is verified for it', async () => {
    const names: string[] = [];
    const server = tls.createServer({
      SNICallback: (name, done) => {
        names.push(name);
        done(new Error('no certificate here'));
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const url = new URL(`https://hooks.sanshe.invalid:${port}/hook`);
      await expect(sendToAddress({ url, address: loopback, headers: {}, body: '{}', signal: AbortSignal.timeout(5000) })).rejects.toThrow();
      expect(names).toEqual(['hooks.sanshe.invalid']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('gives up when the signal aborts', async () => {
    receiver.script.push(0);
    const started = Date.now();
    await expect(
      sendToAddress({ url: new URL(receiver.url), address: loopback, headers: {}, body: '{}', signal: AbortSignal.timeout(200) }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
