/**
 * Gzipped size of what each page loads: its entry chunk, every chunk it imports (shared chunks count
 * for each page that loads them) and its CSS, each gzipped on its own (level 9) as a server would send
 * it, summed. Read from Vite's build manifest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { LibraryId } from '../protocol.ts';

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
}

type Manifest = Readonly<Record<string, ManifestChunk>>;

export interface BundleSize {
  readonly raw: number;
  readonly gzip: number;
  readonly files: number;
}

export function bundleSizes(distDir: string, libraries: readonly LibraryId[]): Map<LibraryId, BundleSize> {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const sizes = new Map<LibraryId, BundleSize>();
  for (const library of libraries) {
    const files = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const css of chunk.css ?? []) files.add(css);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    visit(`${library}.html`);
    if (files.size === 0) throw new Error(`${library}.html is not in the build manifest`);
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const content = readFileSync(join(distDir, file));
      raw += content.length;
      gzip += gzipSync(content, { level: 9 }).length;
    }
    sizes.set(library, { raw, gzip, files: files.size });
  }
  return sizes;
}
