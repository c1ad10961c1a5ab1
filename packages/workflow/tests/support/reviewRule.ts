/**
 * A record workflow for tests: when a scorecard is submitted (and was not before), a low score gets a
 * comment, the employee's supervisor an inbox message and the HR system a webhook.
 */
export function reviewRule(message = '{{employee}} 得分 {{score}}，请复核'): Record<string, unknown> {
  return {
    kind: 'workflow',
    id: 'low-score-review',
    schemaVersion: 1,
    title: { 'zh-CN': '低分复核', en: 'Low score review' },
    trigger: {
      type: 'record',
      form: 'kpi-scorecard',
      events: ['created', 'updated'],
      condition: 'AND(status = "submitted", $old.status <> "submitted")',
    },
    start: 'isLow',
    steps: [
      {
        id: 'isLow',
        type: 'condition',
        branches: [{ when: 'score < 60', next: 'markComment' }],
      },
      {
        id: 'markComment',
        type: 'updateRecord',
        set: [{ field: 'comment', formula: '"需复核：" & TEXT(score, "0")' }],
        next: 'tellSupervisor',
      },
      {
        id: 'tellSupervisor',
        type: 'notify',
        channel: 'inbox',
        to: [{ type: 'supervisor', of: 'employee' }],
        message: { 'zh-CN': message, en: `${message} (en)` },
        next: 'tellHr',
      },
      {
        id: 'tellHr',
        type: 'notify',
        channel: 'webhook',
        connector: 'hr-hook',
        message: 'low score {{score}} for {{employee}}',
      },
    ],
  };
}
