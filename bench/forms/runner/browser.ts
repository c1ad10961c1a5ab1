/**
 * Debian's Chromium driven by playwright-core, with the flags from TOOLCHAIN.md plus --expose-gc (so
 * the page can force a garbage collection before reading the heap), precise memory info (else
 * performance.memory is rounded and delayed) and no back/forward cache (it would keep earlier pages,
 * and their heaps, alive).
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-back-forward-cache',
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}
