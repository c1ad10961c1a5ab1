import { dependencies, parse } from '@formboard/formula';
import type { DashboardQuery, FormAccess } from '@formboard/schema';
import type { User } from '@formboard/storage';
import { ApiError } from '../http/ApiError.ts';

/** The fields hidden from `user` in a form: those every one of their roles hides. */
export function hiddenFieldsOf(user: User, access?: FormAccess): ReadonlySet<string> {
  const lists = user.roles.map((role) => new Set(access?.hiddenFields?.[role] ?? []));
  const [first, ...rest] = lists;
  if (!first) return new Set();
  return new Set([...first].filter((path) => rest.every((list) => list.has(path))));
}

const covers = (hidden: string, path: string) =>
  path === hidden || path.startsWith(`${hidden}.`) || path.startsWith(`${hidden}[`);

/** Whether a data path is, or lies inside, a hidden field. */
export function isHidden(path: string, hidden: ReadonlySet<string>): boolean {
  for (const field of hidden) if (covers(field, path)) return true;
  return false;
}

/** Record data without the hidden fields (a copy; nested group fields too). */
export function redact(
  data: Readonly<Record<string, unknown>>,
  hidden: ReadonlySet<string>,
): Record<string, unknown> {
  if (hidden.size === 0) return { ...data };
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const path of hidden) {
    const keys = path.split('.');
    let node: Record<string, unknown> | undefined = copy;
    for (const key of keys.slice(0, -1)) {
      const next: unknown = node && Object.hasOwn(node, key) ? node[key] : undefined;
      node = next && typeof next === 'object' ? (next as Record<string, unknown>) : undefined;
    }
    if (node) delete node[keys.at(-1) as string];
  }
  return copy;
}

/** 403 naming the hidden field a request tried to read or set. */
export function hiddenFieldError(path: string): ApiError {
  return new ApiError(
    403,
    'hiddenField',
    { 'zh-CN': `字段 ${path} 对你的角色不可见`, en: `the field ${path} is hidden from your role` },
    { field: path },
  );
}

/** Refuses data that sets a hidden field: a user cannot write what they may not see. */
export function refuseHiddenWrites(
  data: Readonly<Record<string, unknown>>,
  hidden: ReadonlySet<string>,
): void {
  for (const path of hidden) {
    const keys = path.split('.');
    let node: unknown = data;
    for (const key of keys)
      node =
        node && typeof node === 'object' && Object.hasOwn(node, key)
          ? (node as Record<string, unknown>)[key]
          : undefined;
    if (node !== undefined) throw hiddenFieldError(path);
  }
}

/** The fields a filter formula reads (none when it does not parse: the store reports that itself). */
export function formulaFields(formula: string | undefined): string[] {
  if (!formula) return [];
  try {
    return dependencies(parse(formula));
  } catch {
    return [];
  }
}

/** Refuses a query (or a list filter/sort) that reads a hidden field: filtering on it would leak it. */
export function refuseHiddenReads(paths: readonly string[], hidden: ReadonlySet<string>): void {
  for (const path of paths) if (isHidden(path, hidden)) throw hiddenFieldError(path);
}

/** Every field a dashboard query reads. */
export function queryFields(query: DashboardQuery): string[] {
  return [
    ...(query.groupBy ?? []),
    ...(query.timeBucket ? [query.timeBucket.field] : []),
    ...query.measures.flatMap((measure) => ('field' in measure && measure.field ? [measure.field] : [])),
    ...formulaFields(query.filter),
  ];
}
