/**
 * One Vite multi-page build: pages/<library>.html for each library, into forms/dist with a manifest
 * (the runner sums each page's gzipped JS from it). `vite build -c forms/vite.config.ts` builds every
 * page; the runner calls benchViteConfig with the pages it can build.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { LIBRARIES, type LibraryId } from './protocol.ts';

export const PAGES_DIR = fileURLToPath(new URL('./pages/', import.meta.url));
export const DIST_DIR = fileURLToPath(new URL('./dist/', import.meta.url));

export function benchViteConfig(libraries: readonly LibraryId[]): UserConfig {
  return {
    root: PAGES_DIR,
    base: '/',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir: DIST_DIR,
      emptyOutDir: true,
      manifest: true,
      sourcemap: false,
      chunkSizeWarningLimit: 5000,
      rollupOptions: {
        input: Object.fromEntries(libraries.map((library) => [library, `${PAGES_DIR}${library}.html`])),
      },
    },
  };
}

export default defineConfig(benchViteConfig(LIBRARIES));
