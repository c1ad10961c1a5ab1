import { type Command, refuse } from '../../core/Command.ts';
import { setPath } from '../setPath.ts';
import type { Workflow } from '../workflowTypes.ts';

/** The workflow's own settings the designer edits. */
export type WorkflowProperty = 'title' | 'description' | 'concurrency';

/** Sets the workflow's title, description or concurrency (undefined removes the optional ones). Typing merges. */
export function setWorkflowProperty(key: WorkflowProperty, value: unknown): Command<Workflow> {
  return {
    label: { 'zh-CN': '修改流程设置', en: 'Change workflow settings' },
    mergeKey: `workflow:${key}`,
    run(workflow) {
      if (key === 'title' && value === undefined) return refuse('流程需要标题', 'a workflow needs a title');
      if (!['title', 'description', 'concurrency'].includes(key)) {
        return refuse(`不能这样修改 ${key}`, `${key} cannot be changed this way`);
      }
      return { document: setPath(workflow, [key], value) };
    },
  };
}
