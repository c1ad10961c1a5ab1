import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormDefinition } from '@formboard/schema';

/** A form of the starter pack, read from templates/performance. */
export function starterForm(id: string): FormDefinition {
  const file = join(import.meta.dirname, '../../../templates/performance/forms', `${id}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as FormDefinition;
}
