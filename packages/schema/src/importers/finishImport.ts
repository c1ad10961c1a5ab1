import { formKind } from '../kinds/formKind.ts';
import { FORM_SCHEMA_VERSION } from '../schemas/formDefinition.ts';
import type { LocalizedText } from '../schemas/localizedText.ts';
import type { DefinitionIssue } from '../validate/issues.ts';
import { validateAs } from '../validate/validateDefinition.ts';
import type { ImportNotes } from './ImportNotes.ts';
import type { ImportOptions, ImportResult } from './ImportResult.ts';
import type { JsonObject } from './normalizeSchema.ts';
import type { Origins } from './Origins.ts';

/** The parts an importer assembles into a form definition. */
export interface DefinitionParts {
  readonly title?: LocalizedText;
  readonly description?: LocalizedText;
  readonly data: JsonObject;
  readonly layout: JsonObject;
  readonly rules: readonly JsonObject[];
}

// Each repair round removes what failed; two rounds cover a rule removed only after a node was.
const MAX_ROUNDS = 3;

/** Removes a layout node, its subtree and every reference to it. */
function removeNode(layout: JsonObject, id: string): void {
  const nodes = layout.nodes as Record<string, JsonObject>;
  const node = nodes[id];
  if (!node) return;
  delete nodes[id];
  for (const child of (node.children as string[] | undefined) ?? []) removeNode(layout, child);
  layout.root = (layout.root as string[]).filter((x) => x !== id);
  for (const other of Object.values(nodes)) {
    if (Array.isArray(other.children)) other.children = other.children.filter((x: string) => x !== id);
  }
}

/**
 * The part of the definition an issue is about, when it can be left out: a rule (`/rules/3/…`) or a
 * layout node (`/layout/nodes/f_age/…`). Problems in the data schema or the header cannot be repaired.
 */
function removable(issue: DefinitionIssue): { rule: number } | { node: string } | undefined {
  const rule = /^\/rules\/(\d+)(\/|$)/.exec(issue.pointer);
  if (rule) return { rule: Number(rule[1]) };
  const node = /^\/layout\/nodes\/([^/]+)(\/|$)/.exec(issue.pointer);
  if (node?.[1]) return { node: node[1].replace(/~1/g, '/').replace(/~0/g, '~') };
  return undefined;
}

/**
 * Assembles the definition, validates it with `validateAs(formKind, …)` and turns any issue into an
 * error note at the source location it came from. Rules and layout nodes with issues are left out
 * and validation runs again; the definition is undefined only when the rest cannot be used.
 */
export function finishImport(
  parts: DefinitionParts,
  options: ImportOptions,
  notes: ImportNotes,
  origins: Origins,
): ImportResult {
  const definition: JsonObject = {
    kind: 'form',
    id: options.id,
    schemaVersion: FORM_SCHEMA_VERSION,
    title: options.title ?? parts.title ?? options.id,
    ...(parts.description === undefined ? {} : { description: parts.description }),
    data: parts.data,
    layout: parts.layout,
    ...(parts.rules.length > 0 ? { rules: [...parts.rules] } : {}),
  };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = validateAs(formKind, definition);
    if (result.ok) return { definition: result.value, report: notes.all };
    const fixes = result.issues.map(removable);
    const fatal = fixes.some((fix) => fix === undefined);
    result.issues.forEach((issue) => {
      const origin = origins.find(issue.pointer);
      notes.add({
        ...origin,
        severity: 'error',
        code: `result.${issue.code}`,
        message: {
          'zh-CN': `导入结果在 ${issue.pointer || '/'} 未通过校验：${issue.message['zh-CN']}${fatal ? '' : '；已删去该部分'}`,
          en: `the imported definition fails validation at ${issue.pointer || '/'}: ${issue.message.en}${fatal ? '' : '; that part was left out'}`,
        },
      });
    });
    if (fatal) break;
    const ruleIndexes = new Set<number>();
    for (const fix of fixes) {
      if (fix && 'rule' in fix) ruleIndexes.add(fix.rule);
      else if (fix) removeNode(definition.layout as JsonObject, fix.node);
    }
    if (Array.isArray(definition.rules)) {
      definition.rules = definition.rules.filter((_, i) => !ruleIndexes.has(i));
      if ((definition.rules as unknown[]).length === 0) delete definition.rules;
    }
  }
  return { definition: undefined, report: notes.all };
}

/** Notes an exception as an error: importers return a report, they never throw at their caller. */
export function internalError(notes: ImportNotes, error: unknown): ImportResult {
  notes.schema('', 'error', 'internal', {
    'zh-CN': `导入时出现内部错误：${String(error)}`,
    en: `internal error while importing: ${String(error)}`,
  });
  return { definition: undefined, report: notes.all };
}
