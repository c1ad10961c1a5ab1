import type { LocalizedMessage } from '@formboard/formula';
import { STEP_ID } from '@formboard/schema';
import type { Workflow } from './workflowTypes.ts';

// A step's id is what links (`start`, `next`, branches, `otherwise`, `onApprove`, `onReject`) name and
// what runs record as the step they are at: short, unique in its workflow, and never a name a plain
// JavaScript object holds on its own (run states are kept by step id).

const PATTERN = new RegExp(STEP_ID);
/** Names an object has by inheritance: never step ids, so a lookup by id cannot find them. */
const RESERVED = new Set(['constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);

/** Why `id` cannot name a step of `workflow` (the step `current` being renamed aside), or undefined. */
export function stepIdProblem(
  id: string,
  workflow: Workflow,
  current?: string,
): LocalizedMessage | undefined {
  if (id === '') return { 'zh-CN': '步骤标识不能为空', en: 'the step id cannot be empty' };
  if (!PATTERN.test(id)) {
    return {
      'zh-CN': `步骤标识 ${id} 须以字母开头，只含字母、数字、_ 和 -，最长 64 个字符`,
      en: `the step id ${id} must start with a letter and hold only letters, digits, _ and - (64 at most)`,
    };
  }
  if (RESERVED.has(id)) {
    return { 'zh-CN': `${id} 是保留字，不能用作步骤标识`, en: `${id} is reserved and cannot be a step id` };
  }
  if (id !== current && workflow.steps.some((step) => step.id === id)) {
    return { 'zh-CN': `步骤标识 ${id} 已被使用`, en: `the step id ${id} is already used` };
  }
  return undefined;
}
