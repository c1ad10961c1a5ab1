import { type Command, refuse } from '../../core/Command.ts';
import { parsePropertyPath, setPath } from '../setPath.ts';
import { type Step, stepById, type Workflow } from '../workflowTypes.ts';
import { replaceStep } from './arms.ts';

/** Properties that shape the graph: changed only by the structural commands (add, move, remove, arms). */
const STRUCTURAL = new Set(['id', 'type', 'next', 'otherwise', 'onApprove', 'onReject']);

/** Properties a step of each kind cannot go without: they can be changed, not removed. */
const REQUIRED: Readonly<Record<Step['type'], readonly string[]>> = {
  approval: ['assignees', 'mode'],
  notify: ['channel', 'message'],
  condition: ['branches'],
  updateRecord: ['set'],
  createRecord: ['form', 'values'],
  http: ['connector', 'method', 'path'],
  wait: [],
  end: [],
};

/**
 * Sets a property of a step (undefined removes an optional one): `title`, an approval's `assignees`,
 * `mode`, `due`, `escalation`; a notification's `channel`, `connector`, `to`, `subject`, `message`;
 * `set` / `values` / `form` of record steps, `method` / `path` / `body` / `connector` of HTTP steps,
 * `duration` / `until` of waits, and a condition branch's formula as `branches.<n>.when`. Links are
 * not properties: they change with the structural commands. Edits of one property in a row merge.
 */
export function setStepProperty(stepId: string, key: string, value: unknown): Command<Workflow> {
  return {
    label: { 'zh-CN': '修改步骤设置', en: 'Change step settings' },
    mergeKey: `step:${stepId}:${key}`,
    run(workflow) {
      const step = stepById(workflow, stepId);
      if (!step) return refuse(`没有步骤 ${stepId}`, `there is no step ${stepId}`);
      const path = parsePropertyPath(key);
      const [head, index, leaf] = path ?? [];
      const branchWhen = head === 'branches' && leaf === 'when' && path?.length === 3;
      if (!path || head === undefined || STRUCTURAL.has(head) || (head === 'branches' && !branchWhen)) {
        return refuse(`不能这样修改 ${key}`, `${key} cannot be changed this way`);
      }
      if (branchWhen) {
        const n = Number(index);
        if (step.type !== 'condition' || !Number.isInteger(n) || step.branches[n] === undefined) {
          return refuse(`没有分支 ${index}`, `there is no branch ${index}`);
        }
        if (typeof value !== 'string' || value === '') {
          return refuse('分支条件不能为空', 'a branch needs a condition');
        }
      }
      if (value === undefined && path.length === 1 && REQUIRED[step.type].includes(head)) {
        return refuse(`${key} 不能删除`, `${key} cannot be removed`);
      }
      const changed = setPath(step, path, value);
      return { document: changed === step ? workflow : replaceStep(workflow, changed) };
    },
  };
}
