/**
 * Builds the benchmark page with Vite (the designer from source, as the studio bundles it) into
 * designer/dist, and writes the fixtures next to it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type PluginOption } from 'vite';

const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));
/** Where the page and its fixtures are built (ignored by git, like forms/dist). */
export const DIST_DIR = fileURLToPath(new URL('./dist/', import.meta.url));

/** Where to build, and for profiling: unminified, with a plugin that looks at the bundle. */
export interface BuildOptions {
  readonly outDir?: string;
  readonly minify?: boolean;
  readonly plugins?: readonly PluginOption[];
}

/** Builds the page and writes each fixture as `<name>.json` beside it. */
export async function buildPage(
  fixtures: Readonly<Record<string, unknown>>,
  options: BuildOptions = {},
): Promise<void> {
  const outDir = options.outDir ?? DIST_DIR;
  await build({
    configFile: false,
    root: PAGE_DIR,
    base: './',
    logLevel: 'warn',
    plugins: [react(), ...(options.plugins ?? [])],
    resolve: { dedupe: ['react', 'react-dom'] },
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000, minify: options.minify ?? true },
  });
  for (const [name, value] of Object.entries(fixtures)) {
    writeFileSync(join(outDir, `${name}.json`), JSON.stringify(value));
  }
}
