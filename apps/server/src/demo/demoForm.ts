const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The demo's weekly check-in form, until the starter pack brings the real ones. */
export const DEMO_FORM = {
  kind: 'form',
  id: 'weekly-checkin',
  schemaVersion: 1,
  title: text('每周进展', 'Weekly check-in'),
  data: {
    type: 'object',
    properties: {
      week: { type: 'string', format: 'date', title: text('周', 'Week') },
      progress: {
        type: 'number',
        minimum: 0,
        maximum: 100,
        title: text('目标完成度（%）', 'Progress to target (%)'),
      },
      note: { type: 'string', maxLength: 500, title: text('说明', 'Note') },
    },
    required: ['week', 'progress'],
  },
  layout: {
    root: ['fWeek', 'fProgress', 'fNote'],
    nodes: {
      fWeek: { type: 'field', path: 'week', widget: 'date' },
      fProgress: { type: 'field', path: 'progress', widget: 'progress' },
      fNote: { type: 'field', path: 'note', widget: 'textarea' },
    },
  },
} as const;
