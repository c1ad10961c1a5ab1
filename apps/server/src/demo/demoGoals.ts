import type { Store } from '@formboard/storage';

/** The sample company objective the demo line's objective serves. */
const COMPANY_OBJECTIVE = '交付准时、质量稳定，客户更满意';
const LINE_UNIT = 'ou-line1';
const DAY_MS = 86_400_000;

/** A demo key result: its owner, what it measures, and the values of its past weekly check-ins. */
interface DemoKeyResult {
  readonly owner: string;
  readonly title: string;
  readonly direction: 'increaseTo' | 'decreaseTo';
  readonly unit: string;
  readonly baseline: number;
  readonly target: number;
  readonly weight: number;
  readonly checkIns: readonly number[];
}

/** The demo line's key results: the manager's, and one or two for each of their two operators. */
export const DEMO_KEY_RESULTS: readonly DemoKeyResult[] = [
  {
    owner: 'manager',
    title: '装配一线准时交付率从 88% 提升到 96%',
    direction: 'increaseTo',
    unit: '%',
    baseline: 88,
    target: 96,
    weight: 40,
    checkIns: [89, 90.5, 91],
  },
  {
    owner: 'zhangsan',
    title: '工位返工率从 4% 降到 2%',
    direction: 'decreaseTo',
    unit: '%',
    baseline: 4,
    target: 2,
    weight: 20,
    checkIns: [3.8, 3.6, 3.5],
  },
  {
    owner: 'zhangsan',
    title: '拧紧一次合格率从 95% 提升到 99%',
    direction: 'increaseTo',
    unit: '%',
    baseline: 95,
    target: 99,
    weight: 10,
    checkIns: [95.5, 96, 96],
  },
  {
    owner: 'lisi',
    title: '换型时间从 45 分钟降到 30 分钟',
    direction: 'decreaseTo',
    unit: '分钟',
    baseline: 45,
    target: 30,
    weight: 30,
    checkIns: [44, 42, 41],
  },
];

/** Monday of the week `at` falls in, in China time (UTC+8), as YYYY-MM-DD, `weeksBack` weeks earlier. */
export function mondayOf(at: Date, weeksBack = 0): string {
  const local = new Date(at.getTime() + 8 * 3600_000);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - (sinceMonday + 7 * weeksBack) * DAY_MS).toISOString().slice(0, 10);
}

const owned = (ownerId: string) => ({ ownerId, orgUnitId: LINE_UNIT });

/**
 * Gives the demo line goals inside the sample company: a team objective of the manager's aligned to a
 * company objective, the key results above, and their check-ins of the last weeks before `today`
 * (the last one becomes the key result's current value), so everyone's "My gap" board shows gaps.
 * A handful of records in three batches: seeding stays fast.
 */
export async function seedDemoGoals(store: Store, today: Date): Promise<void> {
  const company = await store.records.list('objective', {
    filter: `AND(level = "company", title = "${COMPANY_OBJECTIVE}")`,
    limit: 1,
  });
  const parent = company.records[0];
  if (!parent) return;
  const weeks = [3, 2, 1].map((back) => mondayOf(today, back));
  const lastWeek = weeks.at(-1) ?? '';
  const [objective] = await store.records.insertMany(
    'objective',
    [
      {
        title: '装配一线：交付准时、一次做对',
        cycle: parent.data.cycle,
        level: 'team',
        owner: 'manager',
        orgUnit: LINE_UNIT,
        commitment: 'committed',
        parent: parent.id,
        weight: 100,
        startDate: parent.data.startDate,
        dueDate: parent.data.dueDate,
        status: 'active',
      },
    ],
    { actor: 'manager', events: false },
    [owned('manager')],
  );
  const keyResults = await store.records.insertMany(
    'key-result',
    // The title first: the studio's record picker names a record by its first text value.
    DEMO_KEY_RESULTS.map((kr) => ({
      title: kr.title,
      objective: objective?.id,
      owner: kr.owner,
      orgUnit: LINE_UNIT,
      direction: kr.direction,
      unit: kr.unit,
      baseline: kr.baseline,
      target: kr.target,
      current: kr.checkIns.at(-1),
      weight: kr.weight,
      dataSource: 'manual',
      lastCheckIn: lastWeek,
    })),
    { actor: 'manager', events: false },
    DEMO_KEY_RESULTS.map((kr) => owned(kr.owner)),
  );
  const checkIns = DEMO_KEY_RESULTS.flatMap((kr, k) =>
    kr.checkIns.map((value, i) => ({
      keyResult: keyResults[k]?.id,
      owner: kr.owner,
      week: weeks[i],
      ...(i > 0 ? { previousValue: kr.checkIns[i - 1] } : {}),
      value,
      confidence: i === 0 ? 'high' : 'medium',
      nextSteps: '按计划推进改善措施',
    })),
  );
  await store.records.insertMany(
    'check-in',
    checkIns,
    { actor: 'manager', events: false },
    checkIns.map((c) => owned(c.owner)),
  );
}
