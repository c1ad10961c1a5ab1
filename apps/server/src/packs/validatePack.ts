import type { LocalizedMessage } from '@formboard/formula';
import { type FormDefinition, type TemplatePackManifest, validateDefinition } from '@formboard/schema';
import { filesIn, type PackFiles } from './packFiles.ts';

/** A problem in a pack: the file, the JSON pointer inside it, and what is wrong. */
export interface PackProblem {
  readonly file: string;
  readonly pointer: string;
  readonly message: LocalizedMessage;
}

const FOLDERS = ['forms', 'dashboards', 'workflows'] as const;

/** A pack that passed validation: its manifest and definitions, in install order (forms first). */
export interface ValidPack {
  readonly manifest: TemplatePackManifest;
  /** Definition file → parsed definition, forms first, then workflows and dashboards that read them. */
  readonly definitions: ReadonlyMap<string, Record<string, unknown>>;
  readonly files: PackFiles;
}

function parse(files: PackFiles, file: string, problems: PackProblem[]): unknown {
  const text = files.get(file);
  if (text === undefined) {
    problems.push({ file, pointer: '', message: { 'zh-CN': '文件不存在', en: 'the file is missing' } });
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    problems.push({
      file,
      pointer: '',
      message: { 'zh-CN': `不是有效的 JSON：${reason}`, en: `not valid JSON: ${reason}` },
    });
    return undefined;
  }
}

/**
 * Validates a pack: the manifest, every definition it lists — against the pack's own forms, so
 * dashboard sources, workflow forms and record references must resolve inside the pack — that every
 * definition file present is listed, and that listed sample data files exist.
 */
export function validatePack(files: PackFiles): { problems: PackProblem[]; pack?: ValidPack } {
  const problems: PackProblem[] = [];
  const raw = parse(files, 'pack.json', problems);
  if (raw === undefined) return { problems };
  const checked = validateDefinition(raw);
  if (!checked.ok || checked.value.kind !== 'pack') {
    for (const issue of checked.ok ? [] : checked.issues)
      problems.push({ file: 'pack.json', pointer: issue.pointer, message: issue.message });
    return { problems };
  }
  const manifest = checked.value;
  const contents = manifest.contents as Partial<Record<(typeof FOLDERS)[number], string[]>>;
  const listed = [...(contents.forms ?? []), ...(contents.workflows ?? []), ...(contents.dashboards ?? [])];
  for (const folder of FOLDERS)
    for (const file of filesIn(files, folder))
      if (!listed.includes(file))
        problems.push({
          file,
          pointer: '',
          message: {
            'zh-CN': '没有列在 pack.json 的 contents 里',
            en: 'not listed in the contents of pack.json',
          },
        });
  for (const [index, sample] of (manifest.sampleData ?? []).entries())
    if (!files.has(sample.file))
      problems.push({
        file: 'pack.json',
        pointer: `/sampleData/${index}/file`,
        message: { 'zh-CN': `找不到示例数据 ${sample.file}`, en: `no sample data file ${sample.file}` },
      });
  const documents = new Map(listed.map((file) => [file, parse(files, file, problems)]));
  const forms = new Map<string, FormDefinition>();
  for (const file of contents.forms ?? []) {
    const result = validateDefinition(documents.get(file));
    if (result.ok && result.value.kind === 'form') forms.set(result.value.id, result.value);
  }
  const definitions = new Map<string, Record<string, unknown>>();
  for (const [file, document] of documents) {
    if (document === undefined) continue;
    const result = validateDefinition(document, { form: (id) => forms.get(id) });
    if (result.ok) definitions.set(file, document as Record<string, unknown>);
    else
      for (const issue of result.issues)
        problems.push({ file, pointer: issue.pointer, message: issue.message });
  }
  return problems.length > 0 ? { problems } : { problems, pack: { manifest, definitions, files } };
}
