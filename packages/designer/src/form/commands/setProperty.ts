import type { Command } from '../../core/Command.ts';
import type { Form } from '../formTree.ts';
import { setPropertyIn } from '../properties.ts';

/**
 * Sets one property of a node (label, help, required, options, minimum, `props.currency`…). Edits of
 * the same property of the same node in a row merge into one undo step, as typing should.
 */
export function setProperty(nodeId: string, key: string, value: unknown): Command<Form> {
  return {
    label: { 'zh-CN': '修改属性', en: 'Change property' },
    mergeKey: `property:${nodeId}:${key}`,
    run: (form) => {
      const next = setPropertyIn(form, nodeId, key, value);
      return 'refused' in next ? next : { document: next };
    },
  };
}
