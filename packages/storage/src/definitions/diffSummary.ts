import type { LocalizedMessage } from '@formboard/formula';
import { type LocalizedText, localize } from '@formboard/schema';
import type { Operation } from 'rfc6902';

type Json = Readonly<Record<string, unknown>>;

const VERB: Readonly<Record<Operation['op'], [string, string]>> = {
  add: ['新增', 'added'],
  remove: ['删除', 'removed'],
  replace: ['修改', 'changed'],
  move: ['移动', 'moved'],
  copy: ['复制', 'copied'],
  test: ['检查', 'tested'],
};

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function at(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const s of segments)
    current = current !== null && typeof current === 'object' ? (current as Json)[s] : undefined;
  return current;
}

/** The name people know a field by: its title in each language, else its key. */
function fieldName(definition: unknown, key: string): { zh: string; en: string } {
  const title = at(definition, ['data', 'properties', key, 'title']) as LocalizedText | undefined;
  return title ? { zh: localize(title, 'zh-CN'), en: localize(title, 'en') } : { zh: key, en: key };
}

/** What one patch operation is about, in words: "field 目标值", "rule on 状态", "layout". */
function subject(path: readonly string[], before: unknown, after: unknown): { zh: string; en: string } {
  const [top, second, third] = path;
  const either = (p: string[]) => at(after, p) ?? at(before, p);
  if (top === 'data' && second === 'properties' && third) {
    const name = fieldName(after, third).zh !== third ? fieldName(after, third) : fieldName(before, third);
    return { zh: `字段 ${name.zh}`, en: `field ${name.en}` };
  }
  if ((top === 'rules' || top === 'computed') && second !== undefined) {
    const target = String(either([top, second, 'target']) ?? second);
    return top === 'rules'
      ? { zh: `${target} 的规则`, en: `rule on ${target}` }
      : { zh: `${target} 的公式`, en: `formula of ${target}` };
  }
  if (top === 'validations' && second !== undefined) {
    const id = String(either([top, second, 'id']) ?? second);
    return { zh: `校验 ${id}`, en: `validation ${id}` };
  }
  if (top === 'widgets' && second !== undefined) {
    const id = String(either([top, second, 'id']) ?? second);
    return { zh: `组件 ${id}`, en: `widget ${id}` };
  }
  if (top === 'steps' && second !== undefined) {
    const id = String(either([top, second, 'id']) ?? second);
    return { zh: `步骤 ${id}`, en: `step ${id}` };
  }
  const names: Readonly<Record<string, [string, string]>> = {
    layout: ['布局', 'layout'],
    title: ['标题', 'title'],
    description: ['说明', 'description'],
    messages: ['提示信息', 'messages'],
    trigger: ['触发条件', 'trigger'],
    filters: ['筛选', 'filters'],
    sharing: ['共享设置', 'sharing'],
  };
  const known = top ? names[top] : undefined;
  return known ? { zh: known[0], en: known[1] } : { zh: `/${path.join('/')}`, en: `/${path.join('/')}` };
}

const LISTS = new Set(['rules', 'computed', 'validations', 'widgets', 'steps']);

/**
 * A short human summary of a patch, one line per thing touched: "新增 字段 目标值" /
 * "added field 目标值", "修改 状态 的规则" / "changed rule on 状态". Repeated lines are merged.
 */
export function summarizePatch(
  before: unknown,
  after: unknown,
  patch: readonly Operation[],
): LocalizedMessage[] {
  const seen = new Set<string>();
  const lines: LocalizedMessage[] = [];
  for (const operation of patch) {
    const path = operation.path.split('/').slice(1).map(unescapePointer);
    // A change deep inside something is a change of that thing.
    const depth = path[0] === 'data' ? 3 : LISTS.has(path[0] ?? '') ? 2 : 1;
    const exact = path.length <= depth;
    const verb = exact ? VERB[operation.op] : VERB.replace;
    const what = subject(path, before, after);
    const line = { 'zh-CN': `${verb[0]} ${what.zh}`, en: `${verb[1]} ${what.en}` };
    if (seen.has(line.en)) continue;
    seen.add(line.en);
    lines.push(line);
  }
  return lines;
}
