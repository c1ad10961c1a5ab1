import { localize } from '@formboard/schema';
import { type ReactNode, useMemo } from 'react';
import { fieldIndexOf } from '../../form/formSites.ts';
import { boundPath } from '../../form/formTree.ts';
import { rollupReadersOf } from '../../form/rollupReaders.ts';
import { ROLLUP_MEASURE_NAMES } from '../../form/rollups.ts';
import { useDesignerContext, useDesignerState } from '../DesignerContext.ts';
import { rollupMessages } from './rollupMessages.ts';

/**
 * "被汇总使用 / Used by roll-ups": the roll-ups of other forms (the host's `forms`, as the roll-up
 * panel offers child forms from) that read the selected field — each named by its form, the field it
 * fills, its measure and how it reads this one — so an admin editing a child form sees what a rename
 * or delete would break before doing it. Nothing when none does.
 */
export function RollupUses({ nodeId }: { readonly nodeId: string }): ReactNode {
  const { designer, locale, forms } = useDesignerContext();
  const messages = rollupMessages(locale);
  const path = useDesignerState((s) => boundPath(s.document, nodeId));
  const data = useDesignerState((s) => s.document.data);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the readers follow the data schema and the forms
  const readers = useMemo(() => {
    if (path === undefined) return [];
    const lookup = (id: string) => forms.find((f) => f.id === id);
    return rollupReadersOf(designer.getState().document, path, lookup);
  }, [designer, data, path, forms]);
  if (readers.length === 0) return null;
  const items = readers.map((reader) => {
    const { parent, rollup } = reader;
    const target = fieldIndexOf(parent).fields.get(rollup.target)?.title;
    return {
      key: `${parent.id}/${reader.index}/${reader.role}/${reader.path}`,
      text: messages.usedByItem(
        localize(parent.title, locale) || parent.id,
        localize(target, locale) || rollup.target,
        ROLLUP_MEASURE_NAMES[rollup.measure][locale],
        reader.role,
      ),
    };
  });
  return (
    <section className="fbd-rollup-uses" aria-label={messages.usedBy}>
      <h3>{messages.usedBy}</h3>
      <ul>
        {items.map((item) => (
          <li key={item.key}>{item.text}</li>
        ))}
      </ul>
      <p className="fbd-note">{messages.usedByHint}</p>
    </section>
  );
}
