import { createDefinitionValidator, type DefinitionIssue, type DefinitionValidator } from '@formboard/schema';
import type { CheckResult } from '../core/CheckResult.ts';
import { joinPath } from './dataPaths.ts';
import { boundPath, type Form, indexLayout } from './formTree.ts';

/** A problem of the edited definition, linked to the layout node and field it concerns. */
export interface Problem extends DefinitionIssue {
  /** The layout node to select for this problem, when one is concerned. */
  readonly nodeId?: string;
  /** The data path concerned (formula syntax: `kpis[].weight`), when there is one. */
  readonly fieldPath?: string;
}

/** What `toDefinition` gives: the definition, valid, or every problem to show. */
export type DefinitionResult = CheckResult<Form, Problem>;

function segmentsOf(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The data path a pointer into `/data` names: `/data/properties/kpis/items/properties/w/maximum` → `kpis[].w`. */
function dataPathOf(segments: readonly string[]): string | undefined {
  const path: { key: string; each: boolean }[] = [];
  for (let i = 1; i < segments.length; i++) {
    if (segments[i] === 'properties' && segments[i + 1] !== undefined) {
      path.push({ key: segments[i + 1] as string, each: false });
      i++;
    } else if (segments[i] === 'items' && path.length > 0) {
      const last = path[path.length - 1] as { key: string; each: boolean };
      path[path.length - 1] = { key: last.key, each: true };
    } else break;
  }
  // A pointer at a table's `items` itself names the table.
  const last = path[path.length - 1];
  if (last?.each) path[path.length - 1] = { key: last.key, each: false };
  return path.length > 0 ? joinPath(path) : undefined;
}

/** Finds the node and field a pointer into the form concerns. */
export function locate(form: Form, pointer: string): { nodeId?: string; fieldPath?: string } {
  const segments = segmentsOf(pointer);
  const [section, a, b] = segments;
  let fieldPath: string | undefined;
  if (section === 'layout') {
    const nodeId = a === 'nodes' ? b : a === 'root' ? form.layout.root[Number(b)] : undefined;
    if (nodeId === undefined || !Object.hasOwn(form.layout.nodes, nodeId)) return {};
    const path = boundPath(form, nodeId);
    return path === undefined ? { nodeId } : { nodeId, fieldPath: path };
  }
  if (section === 'data') fieldPath = dataPathOf(segments);
  // A roll-up's problems (its child form, reference, field, weight) are the target field's.
  else if (section === 'rules' || section === 'computed' || section === 'rollups')
    fieldPath = form[section]?.[Number(a)]?.target;
  else if (section === 'validations') {
    const validation = form.validations?.[Number(a)];
    fieldPath = b === 'paths' ? validation?.paths?.[Number(segments[3])] : validation?.paths?.[0];
  } else if (section === 'messages') fieldPath = a;
  else if (section === 'access' && a === 'hiddenFields') {
    const hidden = form.access?.hiddenFields as Readonly<Record<string, readonly string[]>> | undefined;
    fieldPath = hidden?.[b ?? '']?.[Number(segments[3])];
  }
  if (fieldPath === undefined) return {};
  const nodeId = nodeByPath(form).get(fieldPath);
  return nodeId === undefined ? { fieldPath } : { nodeId, fieldPath };
}

const byPath = new WeakMap<Form['layout'], Map<string, string>>();

/** The first node (in page order) bound to each data path. */
function nodeByPath(form: Form): Map<string, string> {
  let map = byPath.get(form.layout);
  if (!map) {
    map = new Map();
    for (const id of indexLayout(form.layout).order) {
      const path = boundPath(form, id);
      if (path !== undefined && !map.has(path)) map.set(path, id);
    }
    byPath.set(form.layout, map);
  }
  return map;
}

/**
 * Validates edited versions of one form with @formboard/schema's incremental validator (after an
 * edit only what changed is checked again) and links each problem to its node and field. With
 * `forms` (the other forms by id), roll-ups are checked against their child forms too.
 */
export function createFormChecker(
  forms?: (id: string) => Form | undefined,
): (form: Form) => DefinitionResult {
  const validate: DefinitionValidator = createDefinitionValidator();
  const context = forms ? { form: forms } : {};
  let last: { form: Form; result: DefinitionResult } | undefined;
  return (form) => {
    if (last?.form === form) return last.result;
    const checked = validate(form, context);
    const result: DefinitionResult = checked.ok
      ? { ok: true, definition: form }
      : {
          ok: false,
          problems: checked.issues.map((issue) => ({ ...issue, ...locate(form, issue.pointer) })),
        };
    last = { form, result };
    return result;
  };
}
