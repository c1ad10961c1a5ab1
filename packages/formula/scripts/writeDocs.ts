// Regenerates the function reference inside docs/formula.md from the function specs.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withFunctionReference } from './functionReference.ts';

const path = fileURLToPath(new URL('../../../docs/formula.md', import.meta.url));
writeFileSync(path, withFunctionReference(readFileSync(path, 'utf8')));
console.log(`updated ${path}`);
