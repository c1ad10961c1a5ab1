type Json = Record<string, unknown>;

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const field = (path: string) => ({ type: 'field', path });

/**
 * A breakthrough-point form (the starter pack's, cut down): year, rank 1–5, title, a long text, and
 * a count rolled up from the objectives serving it — with `unique` constraints as given.
 */
export function breakthroughForm(unique?: Json[], extra: Json = {}): Json {
  return {
    kind: 'form',
    id: 'breakthrough',
    schemaVersion: 1,
    title: text('战略突破点', 'Breakthrough point'),
    data: {
      type: 'object',
      properties: {
        year: { type: 'integer', title: text('年度', 'Year') },
        rank: {
          type: 'integer',
          oneOf: [1, 2, 3, 4, 5].map((n) => ({ const: n })),
          title: text('优先级', 'Rank'),
        },
        title: { type: 'string', title: text('突破点', 'Breakthrough point') },
        code: { type: 'string', title: text('编码', 'Code') },
        active: { type: 'boolean', title: text('推进中', 'Active') },
        ...extra,
      },
      required: ['title'],
    },
    layout: { root: ['f1', 'f2', 'f3'], nodes: { f1: field('year'), f2: field('rank'), f3: field('title') } },
    ...(unique ? { unique } : {}),
  };
}

/** "At most five a year, each rank once": (year, rank) unique, with rank limited to 1–5. */
export const YEAR_RANK: Json = {
  id: 'year-rank',
  fields: ['year', 'rank'],
  message: text('同一年的优先级不能重复', 'Each rank is used once a year'),
};
