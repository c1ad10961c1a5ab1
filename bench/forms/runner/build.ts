/**
 * Builds the pages with Vite and writes the fixtures next to them. The formboard page is built only
 * when @formboard/form-runtime exports FormView and loadFormEngine and the page builds; otherwise it is
 * left out with the reason, and the peers are still measured.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'vite';
import { fixtureFiles, type GeneratedForm } from '../generate.ts';
import { LIBRARIES, type LibraryId } from '../protocol.ts';
import { benchViteConfig, DIST_DIR } from '../vite.config.ts';

export interface BuiltPages {
  readonly libraries: readonly LibraryId[];
  /** Why a page was left out ("formboard page not built yet: FormView or loadFormEngine missing"). */
  readonly skipped: ReadonlyMap<LibraryId, string>;
  readonly distDir: string;
  readonly seconds: number;
}

async function hasFormView(): Promise<string | undefined> {
  try {
    const runtime = await import('@formboard/form-runtime');
    return 'FormView' in runtime && 'loadFormEngine' in runtime
      ? undefined
      : 'formboard page not built yet: FormView or loadFormEngine missing';
  } catch (error) {
    return `formboard page not built: @formboard/form-runtime does not load (${String(error).split('\n')[0]})`;
  }
}

async function viteBuild(libraries: readonly LibraryId[]): Promise<void> {
  await build({ configFile: false, ...benchViteConfig(libraries) });
}

export async function buildPages(forms: readonly GeneratedForm[]): Promise<BuiltPages> {
  const started = performance.now();
  const skipped = new Map<LibraryId, string>();
  const missing = await hasFormView();
  if (missing) skipped.set('formboard', missing);
  let libraries = LIBRARIES.filter((l) => !skipped.has(l));
  try {
    await viteBuild(libraries);
  } catch (error) {
    if (!libraries.includes('formboard')) throw error;
    skipped.set('formboard', `formboard page did not build: ${String(error).split('\n')[0]}`);
    libraries = libraries.filter((l) => l !== 'formboard');
    await viteBuild(libraries);
  }
  for (const form of forms) {
    for (const [path, content] of fixtureFiles(form)) {
      const file = join(DIST_DIR, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(content));
    }
  }
  return { libraries, skipped, distDir: DIST_DIR, seconds: (performance.now() - started) / 1000 };
}
