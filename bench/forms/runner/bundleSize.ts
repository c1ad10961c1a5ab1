/**
 * Gzipped size of what each page loads: its entry chunk, every chunk it imports (shared chunks count
 * for each page that loads them) and its CSS, each gzipped on its own (level 9) as a server would send
 * it, summed. Read from Vite's build manifest. Chunks a page only imports dynamically (formboard's
 * formula functions, loaded when a form's formulas call them) are not loaded by the benchmark's
 * forms; they are summed apart, as `onDemand`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { LibraryId } from '../protocol.ts';

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}

type Manifest = Readonly<Record<string, ManifestChunk>>;

export interface BundleSize {
  readonly raw: number;
  readonly gzip: number;
  readonly files: number;
  /** Gzipped bytes of the chunks the page may import later, and how many there are. */
  readonly onDemand: { readonly gzip: number; readonly files: number };
}

function gzipOf(distDir: string, files: Iterable<string>): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(distDir, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { raw, gzip };
}

export function bundleSizes(distDir: string, libraries: readonly LibraryId[]): Map<LibraryId, BundleSize> {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const sizes = new Map<LibraryId, BundleSize>();
  for (const library of libraries) {
    const files = new Set<string>();
    const later = new Set<string>();
    const visit = (key: string, into: Set<string>) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file) || into.has(chunk.file)) return;
      into.add(chunk.file);
      for (const css of chunk.css ?? []) into.add(css);
      for (const imported of chunk.imports ?? []) visit(imported, into);
    };
    visit(`${library}.html`, files);
    if (files.size === 0) throw new Error(`${library}.html is not in the build manifest`);
    const dynamic = [...files].flatMap((file) =>
      Object.values(manifest).flatMap((chunk) => (chunk.file === file ? (chunk.dynamicImports ?? []) : [])),
    );
    for (const key of dynamic) visit(key, later);
    const loaded = gzipOf(distDir, files);
    sizes.set(library, {
      ...loaded,
      files: files.size,
      onDemand: { gzip: gzipOf(distDir, later).gzip, files: later.size },
    });
  }
  return sizes;
}
