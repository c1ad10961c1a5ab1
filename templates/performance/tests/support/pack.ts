import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FormDefinition, validateDefinition } from '@formboard/schema';

/** The pack's folder. */
export const PACK_DIR = join(import.meta.dirname, '..', '..');

/** The folders that hold definitions, by manifest `contents` key. */
export const DEFINITION_FOLDERS = ['forms', 'dashboards', 'workflows'] as const;

/** Reads a pack file as JSON (`pack.json`, `forms/kpi.json`…). */
export function readPackJson(path: string): unknown {
  return JSON.parse(readFileSync(join(PACK_DIR, path), 'utf8'));
}

/** Every `.json` file in a definition folder, as pack-relative paths, sorted. */
export function definitionFiles(folder: (typeof DEFINITION_FOLDERS)[number]): string[] {
  return readdirSync(join(PACK_DIR, folder))
    .filter((name) => name.endsWith('.json'))
    .map((name) => `${folder}/${name}`)
    .sort();
}

/** A form of the pack by id, validated (the test fails loudly when it is not). */
export function loadForm(id: string): FormDefinition {
  const result = validateDefinition(readPackJson(`forms/${id}.json`));
  if (!result.ok || result.value.kind !== 'form') {
    throw new Error(`forms/${id}.json is not a valid form: ${JSON.stringify(result)}`);
  }
  return result.value;
}

/** Every form of the pack by id. */
export function loadForms(): Map<string, FormDefinition> {
  return new Map(definitionFiles('forms').map((path) => [fileId(path), loadForm(fileId(path))]));
}

/** The id a definition file must hold by the pack convention: its file name without `.json`. */
export function fileId(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.json$/, '');
}
