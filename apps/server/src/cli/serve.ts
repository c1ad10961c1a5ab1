import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Store } from '@formboard/storage';
import { buildServer } from '../app.ts';
import { hashPassword } from '../auth/passwords.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../demo/seedDemo.ts';
import { localEventBus } from '../events/localEventBus.ts';
import { postgresEventBus } from '../events/postgresEventBus.ts';
import { MIN_PASSWORD_LENGTH } from '../routes/peopleRoutes.ts';
import { createTestClock, type TestClock } from '../testing/testClock.ts';
import { robotOutbound } from '../workflows/robotOutbound.ts';
import { DEFAULT_DATABASE, isPostgres, openCliStore, parseOrExplain } from './options.ts';
import { CliError, say } from './say.ts';
import { secretBoxFor } from './secretKey.ts';

/** First run in production: an admin from FORMBOARD_ADMIN_PASSWORD, or instructions; never a default password. */
async function ensureAdmin(store: Store): Promise<void> {
  const admins = (await store.people.users()).filter((user) => user.roles.includes('admin'));
  if (admins.length > 0) return;
  const password = process.env.FORMBOARD_ADMIN_PASSWORD;
  if (password && password.length < MIN_PASSWORD_LENGTH)
    throw new CliError(
      {
        'zh-CN': `FORMBOARD_ADMIN_PASSWORD 至少要 ${MIN_PASSWORD_LENGTH} 个字符`,
        en: `FORMBOARD_ADMIN_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`,
      },
      2,
    );
  if (!password) {
    console.error(
      say({
        'zh-CN':
          '还没有管理员。请运行 `pnpm formboard user create --id admin --admin`（密码放在 FORMBOARD_PASSWORD 环境变量里），或启动时设置 FORMBOARD_ADMIN_PASSWORD。',
        en: 'There is no admin yet. Run `pnpm formboard user create --id admin --admin` (password in FORMBOARD_PASSWORD), or start with FORMBOARD_ADMIN_PASSWORD set.',
      }),
    );
    return;
  }
  await store.people.saveUsers(
    [
      {
        id: 'admin',
        name: 'Admin',
        email: null,
        orgUnitId: null,
        supervisorId: null,
        roles: ['admin'],
        disabled: false,
      },
    ],
    'setup',
  );
  await store.accounts.setPassword('admin', await hashPassword(password), 'setup');
}

/** `--test-clock`: end-to-end tests only — with `--demo`, never with NODE_ENV=production. */
function demoTestClock(demo: boolean): TestClock {
  if (!demo || process.env.NODE_ENV === 'production')
    throw new CliError(
      {
        'zh-CN': '--test-clock 只用于端到端测试：需要同时使用 --demo，且不能在 NODE_ENV=production 下使用',
        en: '--test-clock is for end-to-end tests only: it needs --demo and is refused with NODE_ENV=production',
      },
      2,
    );
  return createTestClock();
}

// The studio's build output in this repository (`pnpm --filter @formboard/studio build`).
const BUILT_STUDIO = fileURLToPath(new URL('../../../studio/dist', import.meta.url));

/** `formboard serve [--port 3000] [--host 127.0.0.1] [--database file|postgres://…] [--demo] [--behind-https-proxy] [--workflows on|off|auto] [--studio dir] [--test-clock]`. */
export async function serve(args: string[]): Promise<void> {
  const { values } = parseOrExplain(() =>
    parseArgs({
      args,
      strict: true,
      options: {
        port: { type: 'string', default: process.env.PORT ?? '3000' },
        host: { type: 'string', default: '127.0.0.1' },
        database: { type: 'string', default: DEFAULT_DATABASE },
        demo: { type: 'boolean', default: false },
        'behind-https-proxy': { type: 'boolean', default: false },
        workflows: { type: 'string', default: 'auto' },
        studio: { type: 'string', default: BUILT_STUDIO },
        'test-clock': { type: 'boolean', default: false },
      },
    }),
  );
  if (!['on', 'off', 'auto'].includes(values.workflows))
    throw new CliError(
      { 'zh-CN': `--workflows 只能是 on、off 或 auto`, en: '--workflows must be on, off or auto' },
      2,
    );
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError({ 'zh-CN': `端口无效：${values.port}`, en: `invalid port: ${values.port}` }, 2);
  const testClock = values['test-clock'] ? demoTestClock(values.demo) : undefined;
  const store = await openCliStore(values.database, {
    create: true,
    ...(testClock ? { now: () => new Date(testClock.now()).toISOString() } : {}),
  });
  if (values.demo) {
    const { seeded } = await seedDemo(store, new Date(testClock?.now() ?? Date.now()));
    if (seeded) console.log(say({ 'zh-CN': '已载入演示数据。', en: 'Demo data loaded.' }));
  } else await ensureAdmin(store);
  const studioBuilt = existsSync(`${values.studio}/index.html`);
  if (!studioBuilt)
    console.error(
      say({
        'zh-CN': `没有找到构建好的前端（${values.studio}），只提供 API。先运行 pnpm --filter @formboard/studio build。`,
        en: `No built studio at ${values.studio}; serving the API only. Run pnpm --filter @formboard/studio build first.`,
      }),
    );
  const box = secretBoxFor(values.database);
  const events = isPostgres(values.database)
    ? await postgresEventBus(values.database, (error) => console.error(error.message))
    : localEventBus();
  // Every server runs the engine by default: with PostgreSQL, leases in the database give each run,
  // tick and step to one of them (SQLite has one server process anyway). `off` for API-only servers.
  const workflowsOn = values.workflows !== 'off';
  const app = await buildServer({
    ...(workflowsOn ? { workflows: { outbound: robotOutbound(store, box) } } : {}),
    store,
    events,
    ...(box ? { secretBox: box } : {}),
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    behindHttpsProxy: values['behind-https-proxy'],
    ...(studioBuilt ? { studioDir: values.studio } : {}),
    // The end-to-end suite signs in every journey's people from one address within minutes; the
    // per-account lockout still holds. (--test-clock is refused in production.)
    ...(testClock ? { testClock, session: { signInsPerMinute: 600 } } : {}),
  });
  const shutdown = async () => {
    await app.close();
    await events.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  const url = await app.listen({ host: values.host, port });
  console.log(say({ 'zh-CN': `Formboard 已启动：${url}`, en: `Formboard is running at ${url}` }));
  if (values.demo) {
    console.log(
      say({
        'zh-CN': `演示账号（密码都是 ${DEMO_PASSWORD}）：`,
        en: `Demo sign-ins (password ${DEMO_PASSWORD} for all):`,
      }),
    );
    for (const user of DEMO_USERS)
      console.log(`  ${user.id.padEnd(10)} ${user.roles.join(',').padEnd(9)} ${user.name}`);
  }
}
