import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './destination.ts';

export interface Outgoing {
  url: URL;
  /** The address the URL's host was checked at: the only one the request connects to. */
  address: ResolvedAddress;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

/** Sends one webhook request and answers its HTTP status. */
export type Send = (request: Outgoing) => Promise<number>;

/**
 * POSTs to the checked address. The URL's name still goes in the Host header and the TLS
 * server name (so certificates are verified for it), but Node's own lookup, which would resolve
 * the name a second time, answers the checked address. Redirects are not followed, and no
 * connection is kept for another request.
 */
export const sendToAddress: Send = ({ url, address, headers, body, signal }) =>
  new Promise((resolve, reject) => {
    const pinned: LookupFunction = (_hostname, options, callback) => {
      if (options.all) callback(null, [{ address: address.address, family: address.family }]);
      else callback(null, address.address, address.family);
    };
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: pinned, agent: false, signal },
      (response) => {
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    request.on('error', reject);
    request.end(body);
  });
