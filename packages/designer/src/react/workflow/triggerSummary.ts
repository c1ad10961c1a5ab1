import type { Locale } from '@formboard/formula';
import { type FormDefinition, localize, type WorkflowTrigger } from '@formboard/schema';
import { describeCron } from '../../workflow/schedulePresets.ts';
import type { WorkflowMessages } from './messages.ts';

/** The trigger in one line: "objective 新建、修改时", "每周一 09:00", "kpi：连续 2 周差于基线". */
export function triggerSummary(
  trigger: WorkflowTrigger,
  forms: readonly FormDefinition[],
  messages: WorkflowMessages,
  locale: Locale,
): string {
  const formName = (id: string) => localize(forms.find((f) => f.id === id)?.title, locale) || id;
  switch (trigger.type) {
    case 'record': {
      const events = trigger.events.map((e) => messages.eventNames[e]).join(locale === 'zh-CN' ? '、' : ', ');
      return locale === 'zh-CN'
        ? `“${formName(trigger.form)}”记录${events}时`
        : `When a “${formName(trigger.form)}” record is ${events}`;
    }
    case 'schedule':
      return describeCron(trigger.cron)[locale];
    case 'metricStreak': {
      const period = messages.periodNames[trigger.query.period];
      return locale === 'zh-CN'
        ? `“${formName(trigger.query.form)}”连续 ${trigger.periods} ${period}差于基线`
        : `“${formName(trigger.query.form)}” worse than baseline ${trigger.periods} ${period}s in a row`;
    }
  }
}
