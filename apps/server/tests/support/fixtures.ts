import type { User } from '@formboard/storage';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A small weekly check-in form: what the API tests enter records into. */
export function checkinForm(id = 'checkin', title = '周报'): Record<string, unknown> {
  return {
    kind: 'form',
    id,
    schemaVersion: 1,
    title: text(title, 'Weekly check-in'),
    data: {
      type: 'object',
      properties: {
        week: { type: 'string', format: 'date', title: text('周', 'Week') },
        progress: { type: 'number', minimum: 0, maximum: 100, title: text('进度', 'Progress') },
        note: { type: 'string', maxLength: 500, title: text('说明', 'Note') },
      },
      required: ['week', 'progress'],
    },
    layout: {
      root: ['fWeek', 'fProgress', 'fNote'],
      nodes: {
        fWeek: { type: 'field', path: 'week', widget: 'date' },
        fProgress: { type: 'field', path: 'progress' },
        fNote: { type: 'field', path: 'note', widget: 'textarea' },
      },
    },
  };
}

const person = (
  id: string,
  roles: User['roles'],
  supervisorId: string | null,
  orgUnitId = 'ou-line1',
): User => ({
  id,
  name: id,
  email: `${id}@example.com`,
  orgUnitId,
  supervisorId,
  roles,
  disabled: false,
});

/** The people of the tests: `manager` supervises `member` (and, through them, `intern`); `other` is outside. */
export const PEOPLE: readonly User[] = [
  person('admin', ['admin'], null, 'ou-hq'),
  person('designer', ['designer'], 'admin', 'ou-hq'),
  person('manager', ['manager'], 'admin'),
  person('member', ['member'], 'manager'),
  person('intern', ['member'], 'member'),
  person('other', ['member'], 'admin', 'ou-line2'),
];

/** Every test user's password (long enough for the minimum). */
export const PASSWORD = 'correct horse battery';
