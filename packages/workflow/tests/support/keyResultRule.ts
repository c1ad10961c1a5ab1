import type { Store } from '@formboard/storage';

type Json = Record<string, unknown>;
const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A form of plain fields, each laid out in order. */
function form(id: string, title: string, properties: Json, required: string[] = []): Json {
  const keys = Object.keys(properties);
  return {
    kind: 'form',
    id,
    schemaVersion: 1,
    title: text(title, id),
    data: { type: 'object', properties, required },
    layout: {
      root: keys.map((key) => `f${key}`),
      nodes: Object.fromEntries(keys.map((key) => [`f${key}`, { type: 'field', path: key }])),
    },
  };
}

/** A key result (current value, last check-in, how many check-ins) and a weekly check-in pointing at one. */
export const KEY_RESULT_FORMS = [
  form('kr', '关键结果', {
    title: { type: 'string', title: text('名称', 'Title') },
    current: { type: 'number', title: text('当前值', 'Current') },
    lastCheckIn: { type: 'string', format: 'date', title: text('最近进展', 'Last check-in') },
    checkIns: { type: 'number', title: text('进展次数', 'Check-ins') },
  }),
  form('check', '进展', {
    keyResult: { type: 'string', format: 'record', 'x-form': 'kr', title: text('关键结果', 'Key result') },
    week: { type: 'string', format: 'date', title: text('周', 'Week') },
    value: { type: 'number', title: text('数值', 'Value') },
  }),
];

/** When a check-in is created, its key result takes the check-in's value and week, and counts it. */
export function keyResultRule(): Json {
  return {
    kind: 'workflow',
    id: 'kr-follows',
    schemaVersion: 1,
    title: text('关键结果随进展更新', 'Key results follow their check-ins'),
    trigger: { type: 'record', form: 'check', events: ['created'] },
    start: 'moveKeyResult',
    steps: [
      {
        id: 'moveKeyResult',
        type: 'updateRecord',
        record: 'keyResult',
        set: [
          { field: 'current', formula: 'value' },
          { field: 'lastCheckIn', formula: 'week' },
          { field: 'checkIns', formula: 'IF(ISBLANK($target.checkIns), 0, $target.checkIns) + 1' },
        ],
      },
    ],
  };
}

/** Publishes the two forms. */
export async function publishKeyResultForms(store: Store): Promise<void> {
  for (const definition of KEY_RESULT_FORMS) {
    const created = await store.definitions.create(definition, { author: 'hr' });
    await store.definitions.publish(created.id, created.version, { author: 'hr' });
  }
}
