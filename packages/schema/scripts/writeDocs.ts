// Regenerates the definition reference inside docs/definitions.md from the JSON Schemas and fixtures.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withDefinitionReference } from './definitionReference.ts';

const path = fileURLToPath(new URL('../../../docs/definitions.md', import.meta.url));
writeFileSync(path, withDefinitionReference(readFileSync(path, 'utf8')));
console.log(`updated ${path}`);
