import type { Store } from '@formboard/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkflowEngine } from '../src/index.ts';
import { FakeClock } from './support/FakeClock.ts';
import { RecordingOutbound } from './support/RecordingOutbound.ts';
import { openTestStore, publishWorkflow, scorecardValues } from './support/testStore.ts';

/** A new scorecard is posted to the HR system: its employee in the path, its comment in the query and body. */
const syncScore = {
  kind: 'workflow',
  id: 'sync-score',
  schemaVersion: 1,
  title: { 'zh-CN': '同步得分', en: 'Sync the score' },
  trigger: { type: 'record', form: 'kpi-scorecard', events: ['created'] },
  start: 'post',
  steps: [
    {
      id: 'post',
      type: 'http',
      connector: 'hr-system',
      method: 'POST',
      path: '/people/{{employee}}/scores?note={{comment}}',
      body: '{"employee": "{{employee}}", "note": "备注：{{comment}}", "score": {{score}}, "period": {{period}}}',
    },
  ],
};

describe('HTTP step placeholders', () => {
  let store: Store;
  let outbound: RecordingOutbound;

  beforeEach(async () => {
    const clock = new FakeClock('2026-03-04T02:00:00Z');
    store = await openTestStore(clock);
    await publishWorkflow(store, syncScore);
    outbound = new RecordingOutbound();
    const engine = createWorkflowEngine({ store, clock, outbound });
    await store.records.insert(
      'kpi-scorecard',
      { ...scorecardValues('worker1', '2026-03-02', 42.5), comment: 'a/b?c=1 & "引号"\n' },
      { actor: 'worker1' },
    );
    await engine.drainRecordEvents();
  });
  afterEach(async () => {
    await store.close();
  });

  it('fills the path URL-encoded and the body as escaped JSON, a lone placeholder as its value', () => {
    expect(outbound.sent).toHaveLength(1);
    const [message] = outbound.sent;
    expect(message?.path).toBe(`/people/worker1/scores?note=${encodeURIComponent('a/b?c=1 & "引号"\n')}`);
    expect(JSON.parse(message?.body ?? '')).toEqual({
      employee: 'worker1',
      note: '备注：a/b?c=1 & "引号"\n',
      score: 42.5,
      period: '2026-03-02',
    });
  });
});
