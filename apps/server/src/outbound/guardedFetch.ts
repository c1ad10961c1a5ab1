import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { type AllowedHost, checkUrl, OutboundRefused } from './outboundPolicy.ts';
import { isPrivateAddress } from './privateAddresses.ts';

/** A finished outbound response: status and body text (bounded). */
export interface OutboundResponse {
  readonly status: number;
  readonly body: string;
}

/** Limits of one outbound request. */
export interface OutboundOptions {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

/**
 * Resolves the host and refuses private addresses at connect time (not before), so a DNS answer
 * that changes between a check and the connection (DNS rebinding) cannot reach an internal address.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = !allowPrivate && addresses.find((a) => isPrivateAddress(a.address));
      if (refused)
        return callback(
          new OutboundRefused({
            'zh-CN': `${hostname} 指向内网地址 ${refused.address}，已拒绝`,
            en: `${hostname} resolves to the private address ${refused.address}; refused`,
          }),
          '',
          0,
        );
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * An HTTP(S) request that only goes where an admin allowed: listed hosts, public addresses unless
 * the entry allows private ones, no redirects followed, a timeout and a response size limit.
 */
export async function guardedFetch(
  target: string,
  allowed: readonly AllowedHost[],
  options: OutboundOptions = {},
): Promise<OutboundResponse> {
  const url = new URL(target);
  const entry = checkUrl(url, allowed);
  const maxBytes = options.maxBytes ?? 20 * 1024 * 1024;
  const client = url.protocol === 'https:' ? https : http;
  // A literal IP skips DNS (and so the guarded lookup): check it before any connection.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) && !entry.allowPrivate && isPrivateAddress(literal))
    return Promise.reject(
      new OutboundRefused({
        'zh-CN': `${literal} 是内网地址，已拒绝`,
        en: `${literal} is a private address; refused`,
      }),
    );
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: { accept: 'application/json', ...options.headers },
        lookup: guardedLookup(entry.allowPrivate ?? false),
        timeout: options.timeoutMs ?? 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            request.destroy(new Error(`the response is larger than ${maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('the request timed out')));
    request.on('error', reject);
    request.end(options.body);
  });
}
