import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedFetch } from '../src/outbound/guardedFetch.ts';
import { OutboundRefused } from '../src/outbound/outboundPolicy.ts';
import { isPrivateAddress } from '../src/outbound/privateAddresses.ts';

describe('outbound requests (SSRF guard)', () => {
  let erp: Server;
  let port = 0;
  beforeAll(async () => {
    erp = createServer((request, response) => {
      if (request.url === '/redirect') {
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
        return;
      }
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, auth: request.headers.authorization ?? null }));
    });
    await new Promise<void>((resolve) => erp.listen(0, '127.0.0.1', resolve));
    port = (erp.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => erp.close(() => resolve())));

  it('classifies private, loopback, link-local and mapped addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::7f00:1',
      '2002:7f00:1::1',
      '::ffff:0:7f00:1',
    ])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ['8.8.8.8', '114.114.114.114', '2400:3200::1'])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it('refuses hosts that are not on the allow-list, and other protocols', async () => {
    await expect(guardedFetch(`http://127.0.0.1:${port}/`, [])).rejects.toBeInstanceOf(OutboundRefused);
    await expect(guardedFetch('file:///etc/passwd', [{ host: 'localhost' }])).rejects.toThrow(
      /only http and https/,
    );
    await expect(
      guardedFetch('http://user:pw@erp.example.com/', [{ host: 'erp.example.com' }]),
    ).rejects.toThrow(/credentials/);
  });

  it('refuses a listed host that is private unless the admin allowed private addresses for it', async () => {
    await expect(guardedFetch(`http://127.0.0.1:${port}/`, [{ host: '127.0.0.1' }])).rejects.toThrow(
      /private address/,
    );
    await expect(guardedFetch(`http://localhost:${port}/`, [{ host: 'localhost' }])).rejects.toThrow(
      /resolves to the private address/,
    );
    const answer = await guardedFetch(
      `http://localhost:${port}/rows`,
      [{ host: 'localhost', allowPrivate: true }],
      {
        headers: { authorization: 'Bearer erp-secret' },
      },
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, auth: 'Bearer erp-secret' });
  });

  it('does not follow redirects (a redirect to the metadata service stays a 302)', async () => {
    const answer = await guardedFetch(`http://127.0.0.1:${port}/redirect`, [
      { host: '127.0.0.1', allowPrivate: true },
    ]);
    expect(answer.status).toBe(302);
  });
});
