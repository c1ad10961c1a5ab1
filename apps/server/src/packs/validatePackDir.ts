import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalizedMessage } from '@formboard/formula';
import { type FormDefinition, validateDefinition } from '@formboard/schema';

/** A problem in a pack folder: the file, the JSON pointer inside it, and what is wrong. */
export interface PackProblem {
  readonly file: string;
  readonly pointer: string;
  readonly message: LocalizedMessage;
}

const FOLDERS = ['forms', 'dashboards', 'workflows'] as const;
type Manifest = { contents?: Partial<Record<(typeof FOLDERS)[number], string[]>> };

function readJson(dir: string, file: string, problems: PackProblem[]): unknown {
  try {
    return JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch (error) {
    const reason = existsSync(join(dir, file)) ? (error as Error).message : 'missing';
    problems.push({
      file,
      pointer: '',
      message: { 'zh-CN': `无法读取：${reason}`, en: `cannot read it: ${reason}` },
    });
    return undefined;
  }
}

/**
 * Validates a pack folder (`formboard pack validate`): the manifest, every definition it lists —
 * against the pack's own forms, so dashboard sources, workflow forms and record references must
 * resolve inside the pack — and that every definition file present is listed.
 */
export function validatePackDir(dir: string): PackProblem[] {
  const problems: PackProblem[] = [];
  const manifest = readJson(dir, 'pack.json', problems);
  if (manifest === undefined) return problems;
  const checked = validateDefinition(manifest);
  if (!checked.ok)
    for (const issue of checked.issues)
      problems.push({ file: 'pack.json', pointer: issue.pointer, message: issue.message });
  const contents = (manifest as Manifest).contents ?? {};
  const listed = FOLDERS.flatMap((folder) => contents[folder] ?? []);
  for (const folder of FOLDERS) {
    const present = existsSync(join(dir, folder))
      ? readdirSync(join(dir, folder)).filter((f) => f.endsWith('.json'))
      : [];
    for (const name of present)
      if (!listed.includes(`${folder}/${name}`))
        problems.push({
          file: `${folder}/${name}`,
          pointer: '',
          message: {
            'zh-CN': '没有列在 pack.json 的 contents 里',
            en: 'not listed in the contents of pack.json',
          },
        });
  }
  const documents = new Map(listed.map((file) => [file, readJson(dir, file, problems)]));
  const forms = new Map<string, FormDefinition>();
  for (const file of contents.forms ?? []) {
    const result = validateDefinition(documents.get(file));
    if (result.ok && result.value.kind === 'form') forms.set(result.value.id, result.value);
  }
  for (const [file, document] of documents) {
    if (document === undefined) continue;
    const result = validateDefinition(document, { form: (id) => forms.get(id) });
    if (!result.ok)
      for (const issue of result.issues)
        problems.push({ file, pointer: issue.pointer, message: issue.message });
  }
  return problems;
}
