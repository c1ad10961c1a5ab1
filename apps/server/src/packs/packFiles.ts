import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The files of a pack, as relative paths with `/` separators and their text. */
export type PackFiles = ReadonlyMap<string, string>;

// Anything else in a pack folder (node_modules, tests, tooling) is the author's, not the pack's.
const PACKED = [
  /^pack\.json$/,
  /^README\.md$/,
  /^(forms|dashboards|workflows)\/[^/]+\.json$/,
  /^data\/[^/]+\.csv$/,
];

/** Whether a relative path belongs in a pack (and so in its archive). */
export const isPackFile = (path: string): boolean => PACKED.some((pattern) => pattern.test(path));

/** Reads a pack folder: the manifest, README, definition folders and data/*.csv. */
export function readPackFolder(dir: string): PackFiles {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'node_modules' && !name.startsWith('.')) walk(full);
        continue;
      }
      const path = relative(dir, full).split(sep).join('/');
      if (isPackFile(path)) files.set(path, readFileSync(full, 'utf8'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

/** The JSON files present in one of the definition folders. */
export function filesIn(files: PackFiles, folder: string): string[] {
  return [...files.keys()].filter((path) => path.startsWith(`${folder}/`) && path.endsWith('.json'));
}
