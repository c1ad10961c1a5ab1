import type { Store, User } from '@formboard/storage';
import { hashPassword } from '../auth/passwords.ts';
import { openPack, STARTER_PACK_DIR } from '../packs/bundledPacks.ts';
import { installPack } from '../packs/installPack.ts';
import { loadSampleData } from '../packs/loadSampleData.ts';
import { readPackFolder } from '../packs/packFiles.ts';
import { DEMO_BOARD } from './demoBoard.ts';
import { DEMO_FORM } from './demoForm.ts';
import { seedDemoGoals } from './demoGoals.ts';

/** The demo's shared password: demo mode only (`pnpm start`); production never has a default one. */
export const DEMO_PASSWORD = 'formboard-demo';

const person = (
  id: string,
  name: string,
  roles: User['roles'],
  supervisorId: string | null,
  orgUnitId: string,
): User => ({
  id,
  name,
  email: `${id}@demo.formboard.local`,
  orgUnitId,
  supervisorId,
  roles,
  disabled: false,
});

/** Demo people: an admin, HR (designer), a line manager and two of their operators. */
export const DEMO_USERS: readonly User[] = [
  person('admin', '系统管理员', ['admin'], null, 'ou-hq'),
  person('hr', '人事 李娜', ['designer'], 'admin', 'ou-hq'),
  person('manager', '车间主任 王强', ['manager'], 'admin', 'ou-line1'),
  person('zhangsan', '操作工 张三', ['member'], 'manager', 'ou-line1'),
  person('lisi', '操作工 李四', ['member'], 'manager', 'ou-line1'),
];

/**
 * Seeds an empty store with the demo org chart, users, the starter pack's definitions and sample
 * company, the demo line's goals (key results with check-ins of the weeks before `today`), a check-in
 * form with records and a board over it; a no-op once seeded.
 */
export async function seedDemo(store: Store, today: Date = new Date()): Promise<{ seeded: boolean }> {
  if ((await store.people.users()).length > 0) return { seeded: false };
  await store.people.saveOrgUnit({ id: 'ou-hq', name: '总部', parentId: null }, 'demo');
  await store.people.saveOrgUnit({ id: 'ou-plant1', name: '一厂', parentId: 'ou-hq' }, 'demo');
  await store.people.saveOrgUnit({ id: 'ou-line1', name: '一厂 装配一线', parentId: 'ou-plant1' }, 'demo');
  await store.people.saveUsers(DEMO_USERS, 'demo');
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) await store.accounts.setPassword(user.id, hash, 'demo');
  // The starter pack as HR would install it, with its sample company so every board has data.
  const starter = openPack(readPackFolder(STARTER_PACK_DIR));
  await installPack(store, starter, 'hr');
  await loadSampleData(store, starter, 'hr', today);
  await seedDemoGoals(store, today);
  const form = await store.definitions.create(DEMO_FORM, { author: 'hr', message: '演示表单' });
  await store.definitions.publish(form.id, form.version, { author: 'hr' });
  const board = await store.definitions.create(DEMO_BOARD, { author: 'hr', message: '演示看板' });
  await store.definitions.publish(board.id, board.version, { author: 'hr' });
  const weeks = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'];
  for (const [index, week] of weeks.entries())
    for (const [offset, owner] of ['zhangsan', 'lisi'].entries())
      await store.records.insert(
        form.id,
        { week, progress: 40 + index * 12 - offset * 15, note: index === 3 ? '按计划推进' : '' },
        { actor: owner, ownerId: owner, orgUnitId: 'ou-line1', events: false },
      );
  return { seeded: true };
}
