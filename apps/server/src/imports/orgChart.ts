import type { LocalizedMessage } from '@formboard/formula';
import type { OrgUnit, Role, User } from '@formboard/storage';
import { normalizeHeader } from './columnMapping.ts';
import type { TableRow } from './readTable.ts';
import type { ImportIssue } from './tableToRecords.ts';

/** The columns of an org chart sheet, with the headers HR files use for them. */
const COLUMNS = {
  id: ['id', '工号', '员工编号', '账号', 'login', 'employeeid'],
  name: ['name', '姓名', '名字'],
  email: ['email', '邮箱', '电子邮件'],
  orgUnit: ['orgunit', 'department', '部门', '组织', '所属部门'],
  supervisor: ['supervisor', 'manager', '上级', '直属上级', '汇报对象'],
  roles: ['roles', 'role', '角色'],
} as const;
type Column = keyof typeof COLUMNS;

const ROLE_WORDS: Record<string, Role> = {
  admin: 'admin',
  管理员: 'admin',
  designer: 'designer',
  设计者: 'designer',
  hr: 'designer',
  manager: 'manager',
  经理: 'manager',
  主管: 'manager',
  member: 'member',
  员工: 'member',
};

/** What an org chart sheet becomes: units (from department paths like 总部/一厂/装配一线) and users. */
export interface OrgChart {
  readonly units: OrgUnit[];
  readonly users: User[];
  readonly issues: ImportIssue[];
}

const problem = (row: number, column: string, zh: string, en: string): ImportIssue => ({
  row,
  column,
  message: { 'zh-CN': zh, en } satisfies LocalizedMessage,
});

/** Unit ids are derived from their path, so importing the same sheet twice updates instead of duplicating. */
const unitId = (path: readonly string[]) => `ou-${path.join('/')}`;

/**
 * Reads an org chart sheet: one row per person with id, name, email, department path, supervisor
 * (their id — in the sheet or already in Formboard — or a name unique in the sheet) and roles. Every problem names its row and column.
 */
export async function readOrgChart(
  table: AsyncGenerator<TableRow>,
  existingUserIds: ReadonlySet<string>,
): Promise<OrgChart> {
  const header = await table.next();
  const headers = header.done ? [] : header.value.cells;
  const index = {} as Record<Column, number>;
  for (const column of Object.keys(COLUMNS) as Column[])
    index[column] = headers.findIndex((h) =>
      (COLUMNS[column] as readonly string[]).includes(normalizeHeader(h)),
    );
  const issues: ImportIssue[] = [];
  if (index.id < 0 || index.name < 0)
    return {
      units: [],
      users: [],
      issues: [problem(1, '', '表头需要“工号”和“姓名”两列', 'the header needs an "id" and a "name" column')],
    };
  const units = new Map<string, OrgUnit>();
  const rows: { row: number; user: User; supervisor: string }[] = [];
  for await (const { row, cells } of table) {
    const cell = (column: Column) => (index[column] >= 0 ? (cells[index[column]] ?? '').trim() : '');
    const id = cell('id');
    if (!id) {
      issues.push(problem(row, headers[index.id] ?? 'id', '缺少工号', 'the id is missing'));
      continue;
    }
    const path = cell('orgUnit')
      .split(/[/／>]/)
      .map((part) => part.trim())
      .filter(Boolean);
    path.forEach((name, depth) => {
      const id = unitId(path.slice(0, depth + 1));
      if (!units.has(id))
        units.set(id, { id, name, parentId: depth === 0 ? null : unitId(path.slice(0, depth)) });
    });
    const roles: Role[] = [];
    for (const word of cell('roles')
      .split(/[,，;；、\s]+/)
      .filter(Boolean)) {
      const role = ROLE_WORDS[word.toLowerCase()];
      if (role) roles.push(role);
      else
        issues.push(
          problem(row, headers[index.roles] ?? 'roles', `未知角色“${word}”`, `unknown role "${word}"`),
        );
    }
    rows.push({
      row,
      supervisor: cell('supervisor'),
      user: {
        id,
        name: cell('name') || id,
        email: cell('email') || null,
        orgUnitId: path.length > 0 ? unitId(path) : null,
        supervisorId: null,
        roles: roles.length > 0 ? [...new Set(roles)] : ['member'],
        disabled: false,
      },
    });
  }
  const ids = new Set(rows.map((r) => r.user.id));
  const byName = new Map<string, string[]>();
  for (const { user } of rows) byName.set(user.name, [...(byName.get(user.name) ?? []), user.id]);
  const users = rows.map(({ row, user, supervisor }) => {
    if (!supervisor) return user;
    const named = byName.get(supervisor) ?? [];
    const supervisorId =
      ids.has(supervisor) || existingUserIds.has(supervisor)
        ? supervisor
        : named.length === 1
          ? named[0]
          : undefined;
    const column = headers[index.supervisor] ?? 'supervisor';
    if (!supervisorId)
      issues.push(
        named.length > 1
          ? problem(
              row,
              column,
              `有多位“${supervisor}”，请填上级的工号`,
              `several people are called "${supervisor}"; use the supervisor's id`,
            )
          : problem(
              row,
              column,
              `找不到上级“${supervisor}”`,
              `supervisor "${supervisor}" is neither in the sheet nor in Formboard`,
            ),
      );
    else if (supervisorId === user.id)
      issues.push(problem(row, column, '不能是自己的上级', 'cannot be their own supervisor'));
    return { ...user, supervisorId: supervisorId && supervisorId !== user.id ? supervisorId : null };
  });
  return { units: [...units.values()], users, issues };
}
