import { describe, expect, it } from 'vitest';
import { underBase } from '../src/workflows/robotOutbound.ts';

describe('workflow HTTP paths under a connector URL', () => {
  it('joins a plain path under the base path and keeps its query', () => {
    expect(underBase('https://erp.example.com/api/v1/?access_token=t', '/orders/7')).toBe(
      'https://erp.example.com/api/v1/orders/7?access_token=t',
    );
  });

  it('appends a step’s query after the base URL’s own', () => {
    expect(underBase('https://erp.example.com/api/?access_token=t', '/orders?status=open')).toBe(
      'https://erp.example.com/api/orders?access_token=t&status=open',
    );
  });

  it('refuses paths that could reach another host or climb out of the base', () => {
    for (const path of [
      '//evil.example.com/x',
      '/\\evil.example.com/x',
      '/a/../../admin',
      '/x#f',
      '/a/%2e%2e/b',
      'relative',
    ])
      expect(() => underBase('https://erp.example.com/api/', path), path).toThrow();
  });
});
