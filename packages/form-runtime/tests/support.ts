import { readFileSync } from 'node:fs';
import { createFormEngine, type FormEngine, type FormEngineOptions } from '../src/index.ts';

/** The KPI scorecard form of @formboard/schema's fixtures, as parsed JSON. */
export function scorecardDefinition(): Record<string, unknown> {
  const url = new URL('../../schema/fixtures/valid/form-kpi-scorecard.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

/** A test harness: the scorecard engine with a fixed clock and user. */
export function createTestForm(options: FormEngineOptions = {}): FormEngine {
  return createFormEngine(scorecardDefinition(), {
    context: { now: Date.parse('2026-11-27T02:30:00Z'), user: { id: 'u-lisi', name: '李四' } },
    ...options,
  });
}

/** A fully filled scorecard: two KPI lines, one over target. */
export const filledScorecard = {
  employee: 'u-zhangsan',
  period: '2026-11-01',
  status: 'submitted',
  kpis: [
    { name: '交付准时率', weight: 60, target: 100, actual: 90 },
    { name: '一次合格率', weight: 40, target: 100, actual: 130 },
  ],
};
