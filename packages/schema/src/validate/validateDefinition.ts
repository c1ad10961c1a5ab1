import type { DefinitionKind, ValidationContext } from '../kinds/DefinitionKind.ts';
import type { FormCheckMemo } from '../kinds/FormCheckMemo.ts';
import { DEFINITION_KINDS } from '../kinds/registry.ts';
import { migrate } from '../migrations/migrate.ts';
import type { DashboardDefinition } from '../schemas/dashboardDefinition.ts';
import type { FormDefinition } from '../schemas/formDefinition.ts';
import type { TemplatePackManifest } from '../schemas/templatePack.ts';
import type { WorkflowDefinition } from '../schemas/workflowDefinition.ts';
import { issuesFromAjv } from './ajvIssues.ts';
import { depthProblem, rememberedDepthProblem } from './depthProblem.ts';
import { type DefinitionIssue, issueCollector, type ValidationResult } from './issues.ts';
import { KeyKeepingWalk, type SchemaMemo } from './schemaWalk.ts';
import { validatorsFor } from './validators.ts';

/** Any definition this package knows. */
export type Definition = FormDefinition | DashboardDefinition | WorkflowDefinition | TemplatePackManifest;

function kindIssue(value: unknown): DefinitionIssue {
  const kinds = [...DEFINITION_KINDS.keys()];
  return {
    pointer: '/kind',
    code: 'schema.kind',
    message: {
      'zh-CN': `kind 应为以下之一：${kinds.join('、')}`,
      en: `kind must be one of ${kinds.join(', ')}`,
    },
    value,
  };
}

/**
 * What the incremental validator (createDefinitionValidator) keeps between calls: subtree heights for
 * the depth guard, JSON Schema verdicts per subtree, and the form checks' memo. All keyed by object
 * identity: only for definitions that are never mutated.
 */
export interface ValidationMemo {
  readonly heights: WeakMap<object, number>;
  readonly schema: SchemaMemo;
  readonly form: FormCheckMemo;
}

/** Validates a document against one kind: migrate, JSON Schema, then the meaning checks. */
export function validateAs<T>(
  kind: DefinitionKind<T>,
  json: unknown,
  context: ValidationContext = {},
): ValidationResult<T> {
  return validateKindWith(kind, json, context, undefined);
}

// The one validation pipeline; with a memo it skips work on subtrees it has seen, with the same result.
// A document nested too deep (MAX_DEFINITION_DEPTH) gets that one issue, whatever else is wrong with
// it. Cold, nothing walks the document just to measure it: the "valid?" walk proves a document it
// accepts shallow enough (see SchemaWalk), and the depth is measured only before what could recurse
// through a hostile one — explaining errors, or a migration that failed.
function validateKindWith<T>(
  kind: DefinitionKind<T>,
  json: unknown,
  context: ValidationContext,
  memo: ValidationMemo | undefined,
): ValidationResult<T> {
  const tooDeep = memo && rememberedDepthProblem(json, memo.heights);
  if (tooDeep) return { ok: false, issues: [tooDeep] };
  const migrated = migrate(json);
  if (!migrated.ok) return { ok: false, issues: [depthProblem(json) ?? migrated.issue] };
  const { value } = migrated;
  const { walk, explain } = validatorsFor(kind.schema);
  // Cold, the walk keeps the big maps' keys for the meaning checks; the memo's walk remembers more.
  const schemaWalk = memo?.schema ?? new KeyKeepingWalk();
  if (!walk.call(schemaWalk, value, 0)) {
    const deep = memo ? undefined : depthProblem(value);
    if (deep) return { ok: false, issues: [deep] };
    // Explaining is not memoized: it runs on the whole document, only when it is invalid.
    explain(value);
    return { ok: false, issues: issuesFromAjv(explain.errors) };
  }
  const { issues, report } = issueCollector();
  try {
    const keysOf = schemaWalk instanceof KeyKeepingWalk ? schemaWalk.keys : undefined;
    kind.check(value as T, report, context, memo?.form, keysOf);
  } catch (error) {
    // A check must never crash on a schema-valid document; if one does, say so instead of throwing.
    report('', 'internal', {
      'zh-CN': `校验时出现内部错误：${String(error)}`,
      en: `internal error while checking: ${String(error)}`,
    });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: value as T };
}

/**
 * Validates any definition (form, dashboard, workflow, template pack) chosen by its `kind`: upgrades
 * older versions, checks the JSON Schema (unknown properties are errors), then the meaning (formulas,
 * references, ids, cycles). Returns the typed value or every issue with a JSON pointer and zh-CN/en text.
 * Keeps nothing between calls; createDefinitionValidator gives a validator that does.
 */
export function validateDefinition(
  json: unknown,
  context: ValidationContext = {},
): ValidationResult<Definition> {
  return validateDefinitionWith(json, context, undefined);
}

/** validateDefinition, reusing (and filling) `memo` when given. */
export function validateDefinitionWith(
  json: unknown,
  context: ValidationContext,
  memo: ValidationMemo | undefined,
): ValidationResult<Definition> {
  const kindName =
    json !== null && typeof json === 'object' && !Array.isArray(json)
      ? (json as { kind?: unknown }).kind
      : undefined;
  const kind = typeof kindName === 'string' ? DEFINITION_KINDS.get(kindName) : undefined;
  if (!kind) {
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      return {
        ok: false,
        issues: [
          {
            pointer: '',
            code: 'schema.type',
            message: { 'zh-CN': '定义应为 JSON 对象', en: 'a definition must be a JSON object' },
            value: json,
          },
        ],
      };
    }
    return { ok: false, issues: [kindIssue(kindName)] };
  }
  return validateKindWith(kind as DefinitionKind<Definition>, json, context, memo);
}
