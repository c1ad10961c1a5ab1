import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WorkflowDesigner } from '../../src/react/workflow/index.ts';
import {
  createWorkflowDesigner,
  type Workflow,
  type WorkflowDesignerStore,
} from '../../src/workflow/index.ts';
import { countingIds, objectiveForm } from '../fixtures.ts';
import { forms } from './fixtures.ts';

/** The clock of the React workflow designer tests. */
export const NOW = new Date('2026-11-27T12:00:00Z'); // Friday 20:00 in Shanghai

/** A record workflow of two notifications in a row. */
export function twoSteps(): Workflow {
  return {
    kind: 'workflow',
    id: 'two',
    schemaVersion: 1,
    title: { 'zh-CN': '两步', en: 'Two steps' },
    trigger: { type: 'record', form: 'objective', events: ['created'] },
    start: 'first',
    steps: [
      {
        id: 'first',
        type: 'notify',
        title: { 'zh-CN': '通知一', en: 'First' },
        channel: 'inbox',
        to: [{ type: 'submitter' }],
        message: '一',
        next: 'second',
      },
      {
        id: 'second',
        type: 'notify',
        title: { 'zh-CN': '通知二', en: 'Second' },
        channel: 'inbox',
        to: [{ type: 'submitter' }],
        message: '二',
      },
    ],
  };
}

/** Renders <WorkflowDesigner> over a designer with counting ids; returns it, a user and its document. */
export function renderWorkflow(
  definition: Workflow,
  extra: { onSave?: (d: Workflow) => unknown; locale?: 'zh-CN' | 'en' } = {},
) {
  const designer: WorkflowDesignerStore = createWorkflowDesigner({
    definition,
    nextId: countingIds(),
    forms,
  });
  const user = userEvent.setup();
  render(
    <WorkflowDesigner
      definition={definition}
      forms={[objectiveForm()]}
      designer={designer}
      now={NOW}
      {...(extra.onSave ? { onSave: extra.onSave } : {})}
      {...(extra.locale ? { locale: extra.locale } : {})}
    />,
  );
  return { designer, user, doc: () => designer.getState().document };
}
