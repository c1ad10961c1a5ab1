import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/testServer.ts';

// A stand-in for `vite build` output: what matters here is how the server serves whatever is built.
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'studio-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("studio")');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

describe('serving the studio', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { studioDir: fakeBuild() });
  });
  afterAll(() => server.close());

  const get = (path: string) => fetch(`${server.url}${path}`);

  it('answers client-side routes with index.html and a strict Content-Security-Policy', async () => {
    for (const path of ['/', '/forms/checkin/fill', '/boards/my-gap']) {
      const answer = await get(path);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toContain('text/html');
      expect(await answer.text()).toContain('<div id="root">');
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(answer.headers.get('cache-control')).toContain('max-age=0');
    }
  });

  it('gives the designer pages the same strict policy: their validators are generated ahead of time', async () => {
    const fill = (await get('/forms/checkin/fill')).headers.get('content-security-policy');
    expect(fill).toContain("script-src 'self';");
    for (const page of ['/forms/checkin/design', '/boards/weekly/design', '/workflows/reminder/design']) {
      const csp = (await get(page)).headers.get('content-security-policy');
      expect(csp).toBe(fill);
      expect(csp).not.toContain('unsafe-eval');
    }
  });

  it('serves built files, caching hashed assets for good', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log("studio")');
    expect((await get('/favicon.svg')).headers.get('content-type')).toContain('svg');
  });

  it('keeps unknown API paths as JSON errors and never serves files outside the build', async () => {
    const api = await get('/api/no-such-thing');
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('routeNotFound');
    const traversal = await get('/..%2f..%2fetc%2fpasswd');
    expect(await traversal.text()).not.toContain('root:');
  });
});
