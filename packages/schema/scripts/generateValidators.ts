// Writes the definition validators as standalone code to src/generated/ (see validators/validatorSources.ts).
// Run with `pnpm --filter @formboard/schema generate` after changing a definition schema.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GENERATED_DIR, validatorSources } from './validators/validatorSources.ts';

const dir = fileURLToPath(new URL(`../${GENERATED_DIR}/`, import.meta.url));
const files = validatorSources();
mkdirSync(dir, { recursive: true });
// A kind that was removed leaves no file behind.
for (const name of readdirSync(dir)) if (!files.has(name)) rmSync(`${dir}${name}`);
for (const [name, text] of files) writeFileSync(`${dir}${name}`, text);
console.log(`wrote ${files.size} files to ${dir}`);
