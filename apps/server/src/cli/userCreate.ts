import { parseArgs } from 'node:util';
import type { Role } from '@formboard/storage';
import { hashPassword } from '../auth/passwords.ts';
import { MIN_PASSWORD_LENGTH } from '../routes/peopleRoutes.ts';
import { DEFAULT_DATABASE, openCliStore, parseOrExplain } from './options.ts';
import { CliError, say } from './say.ts';

const ROLES: readonly Role[] = ['admin', 'designer', 'manager', 'member'];

/**
 * `formboard user create --id … --name … [--email …] [--role member | --admin] [--database …]`.
 * The password comes from the FORMBOARD_PASSWORD environment variable, never from an argument
 * (arguments show up in `ps` and shell history).
 */
export async function userCreate(args: string[]): Promise<void> {
  const { values } = parseOrExplain(() =>
    parseArgs({
      args,
      strict: true,
      options: {
        id: { type: 'string' },
        name: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string', multiple: true },
        admin: { type: 'boolean', default: false },
        database: { type: 'string', default: DEFAULT_DATABASE },
      },
    }),
  );
  const password = process.env.FORMBOARD_PASSWORD ?? '';
  if (!values.id)
    throw new CliError({ 'zh-CN': '缺少 --id（登录名）', en: 'missing --id (the sign-in name)' }, 2);
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new CliError(
      {
        'zh-CN': `请用环境变量 FORMBOARD_PASSWORD 提供至少 ${MIN_PASSWORD_LENGTH} 个字符的密码`,
        en: `set FORMBOARD_PASSWORD to a password of at least ${MIN_PASSWORD_LENGTH} characters`,
      },
      2,
    );
  const roles = [...(values.role ?? []), ...(values.admin ? ['admin'] : [])];
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length > 0)
    throw new CliError(
      {
        'zh-CN': `未知角色：${unknown.join(', ')}（可选 ${ROLES.join(', ')}）`,
        en: `unknown role: ${unknown.join(', ')} (one of ${ROLES.join(', ')})`,
      },
      2,
    );
  const store = await openCliStore(values.database, { create: true });
  try {
    if (await store.people.getUser(values.id).catch(() => undefined))
      throw new CliError({ 'zh-CN': `用户 ${values.id} 已存在`, en: `user ${values.id} already exists` });
    await store.people.saveUsers(
      [
        {
          id: values.id,
          name: values.name ?? values.id,
          email: values.email ?? null,
          orgUnitId: null,
          supervisorId: null,
          roles: (roles.length > 0 ? roles : ['member']) as Role[],
          disabled: false,
        },
      ],
      'cli',
    );
    await store.accounts.setPassword(values.id, await hashPassword(password), 'cli');
    console.log(say({ 'zh-CN': `已创建用户 ${values.id}`, en: `user ${values.id} created` }));
  } finally {
    await store.close();
  }
}
