import type { Locale } from '@formboard/formula';
import type { DragSubject, DropSlot } from '../../form/dropSlots.ts';
import type { Form } from '../../form/formTree.ts';
import { nodeLabel } from '../../form/nodeLabel.ts';
import { nodeTypeName } from '../../form/nodeNames.ts';
import type { Palette } from '../../form/palette.ts';

/** What a dragged subject is called in announcements: the item's name, the node's label, or "3 个组件". */
export function subjectName(form: Form, palette: Palette, subject: DragSubject, locale: Locale): string {
  if (subject.kind === 'palette') return palette.get(subject.itemId)?.name[locale] ?? subject.itemId;
  const [first] = subject.ids;
  if (subject.ids.length === 1 && first !== undefined) return nodeLabel(form, first, locale);
  return locale === 'zh-CN' ? `${subject.ids.length} 个组件` : `${subject.ids.length} components`;
}

/** What a slot's container is called: the form itself at the root, else the container's label. */
export function containerName(form: Form, slot: DropSlot, locale: Locale): string {
  return slot.parent === null ? nodeTypeName('root')[locale] : nodeLabel(form, slot.parent, locale);
}
