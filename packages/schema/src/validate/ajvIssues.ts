import { type LocalizedMessage, suggest } from '@formboard/formula';
import type { ErrorObject } from 'ajv';
import { type DefinitionIssue, pointer } from './issues.ts';

type Schema = Readonly<Record<string, unknown>>;

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The `type` values a oneOf branch accepts, from its `properties.type` const or enum. */
function branchTags(branch: Schema): readonly unknown[] {
  const tag = (branch.properties as Schema | undefined)?.type as Schema | undefined;
  if (!tag) return [];
  if ('const' in tag) return [tag.const];
  return Array.isArray(tag.enum) ? tag.enum : [];
}

/**
 * ajv reports every failed branch of a oneOf. Keep only the branch the author most likely meant —
 * the one whose `type` matches the data (or that has `$ref` when the data does), with the fewest
 * errors — so "unknown property tittle" is not buried under six unrelated complaints.
 */
function pruneOneOf(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = [...errors];
  const oneOfs = errors
    .filter((e) => e.keyword === 'oneOf')
    .sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const failure of oneOfs) {
    const branches = (failure.schema as readonly Schema[] | undefined) ?? [];
    const data = failure.data as Schema | null;
    const prefix = `${failure.schemaPath}/`;
    const inBranch = (e: ErrorObject, i: number) => e.schemaPath.startsWith(`${prefix}${i}/`);
    const candidates = branches
      .map((branch, i) => ({ i, branch }))
      .filter(({ branch }) => {
        if (data === null || typeof data !== 'object') return true;
        if ('$ref' in data) return ((branch.required as string[] | undefined) ?? []).includes('$ref');
        const tags = branchTags(branch);
        return tags.length > 0 && tags.includes(data.type);
      });
    const pool = candidates.length > 0 ? candidates : branches.map((branch, i) => ({ i, branch }));
    let best = pool[0]?.i ?? 0;
    for (const { i } of pool) {
      if (kept.filter((e) => inBranch(e, i)).length < kept.filter((e) => inBranch(e, best)).length) best = i;
    }
    const bestErrors = kept.filter((e) => inBranch(e, best));
    kept = kept.filter((e) => !e.schemaPath.startsWith(prefix) && e !== failure);
    kept.push(...(bestErrors.length > 0 ? bestErrors : [failure]));
  }
  return kept;
}

function translate(error: ErrorObject): DefinitionIssue {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const issue = (path: string, message: LocalizedMessage, value?: unknown): DefinitionIssue =>
    value === undefined
      ? { pointer: path, code: `schema.${error.keyword}`, message }
      : { pointer: path, code: `schema.${error.keyword}`, message, value };
  switch (error.keyword) {
    case 'required': {
      const name = String(params.missingProperty);
      return issue(at, { 'zh-CN': `缺少必填属性 ${name}`, en: `missing required property ${name}` });
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys(
        ((error.parentSchema as Schema | undefined)?.properties as Schema | undefined) ?? {},
      );
      const guess = suggest(name, known);
      return issue(
        `${at}${pointer(name)}`,
        {
          'zh-CN': `未知属性 ${name}${guess ? `，是否想用 ${guess}？` : ''}`,
          en: `unknown property ${name}${guess ? ` — did you mean ${guess}?` : ''}`,
        },
        (error.data as Schema)[name],
      );
    }
    case 'propertyNames': {
      const name = String(params.propertyName);
      return issue(`${at}${pointer(name)}`, {
        'zh-CN': `名称 ${name} 无效：只能包含字母、数字和下划线，且不能以数字开头`,
        en: `invalid name ${name}: use letters, digits and _ only, not starting with a digit`,
      });
    }
    case 'discriminator': {
      const allowed = ((error.parentSchema as Schema).oneOf as readonly Schema[])
        .flatMap(branchTags)
        .map(show);
      return issue(
        `${at}/type`,
        {
          'zh-CN': `类型 ${show(params.tagValue)} 无效，可选：${allowed.join('、')}`,
          en: `type ${show(params.tagValue)} is not one of ${allowed.join(', ')}`,
        },
        params.tagValue,
      );
    }
    case 'type':
      return issue(
        at,
        { 'zh-CN': `应为 ${params.type} 类型`, en: `must be of type ${params.type}` },
        error.data,
      );
    case 'const':
      return issue(
        at,
        { 'zh-CN': `应为 ${show(params.allowedValue)}`, en: `must be ${show(params.allowedValue)}` },
        error.data,
      );
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(show);
      return issue(
        at,
        { 'zh-CN': `应为以下之一：${allowed.join('、')}`, en: `must be one of ${allowed.join(', ')}` },
        error.data,
      );
    }
    case 'pattern':
      return issue(
        at,
        {
          'zh-CN': `格式不正确（应匹配 ${params.pattern}）`,
          en: `has the wrong format (must match ${params.pattern})`,
        },
        error.data,
      );
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      return issue(
        at,
        error.keyword === 'minLength' && params.limit === 1
          ? { 'zh-CN': '不能为空', en: 'must not be empty' }
          : {
              'zh-CN': `至少需要 ${params.limit} 项`,
              en: `must have at least ${params.limit} ${error.keyword === 'minLength' ? 'characters' : 'items'}`,
            },
        error.data,
      );
    case 'maxLength':
    case 'maxItems':
      return issue(
        at,
        { 'zh-CN': `最多 ${params.limit} 项`, en: `must have at most ${params.limit} items` },
        error.data,
      );
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return issue(
        at,
        {
          'zh-CN': `应 ${params.comparison} ${params.limit}`,
          en: `must be ${params.comparison} ${params.limit}`,
        },
        error.data,
      );
    case 'uniqueItems':
      return issue(
        at,
        {
          'zh-CN': `第 ${Number(params.j) + 1} 项与第 ${Number(params.i) + 1} 项重复`,
          en: `items ${Number(params.j) + 1} and ${Number(params.i) + 1} are duplicates`,
        },
        error.data,
      );
    case 'oneOf':
      return issue(
        at,
        { 'zh-CN': '不符合任何允许的形式', en: 'does not match any allowed shape' },
        error.data,
      );
    default:
      return issue(
        at,
        { 'zh-CN': `不符合定义规范（${error.keyword}）`, en: error.message ?? `fails ${error.keyword}` },
        error.data,
      );
  }
}

/** ajv errors as definition issues: pruned to the intended oneOf branch, localized, de-duplicated. */
export function issuesFromAjv(errors: readonly ErrorObject[] | null | undefined): DefinitionIssue[] {
  const seen = new Set<string>();
  const out: DefinitionIssue[] = [];
  // "must match then schema" only repeats the errors of the branch that was chosen.
  const meaningful = (errors ?? []).filter((e) => e.keyword !== 'if');
  for (const issue of pruneOneOf(meaningful).map(translate)) {
    const key = `${issue.pointer}|${issue.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}
