import type { ReactNode } from 'react';
import { nodeLabel } from '../../form/nodeLabel.ts';
import { useDesignerContext, useDesignerState } from '../DesignerContext.ts';
import { FieldRules } from './FieldRules.tsx';
import { KeyEditor } from './KeyEditor.tsx';
import { NodeProperties } from './NodeProperties.tsx';
import { RollupPanel } from './RollupPanel.tsx';
import { RollupUses } from './RollupUses.tsx';

/** The properties of the selected node: its panel form, its key, its rules and computed formula, its roll-up, the roll-ups of other forms reading it. */
export function PropertyPanel(): ReactNode {
  const { messages, locale } = useDesignerContext();
  const selection = useDesignerState((s) => s.selection);
  const [only] = selection;
  const type = useDesignerState((s) =>
    only === undefined ? undefined : s.document.layout.nodes[only]?.type,
  );
  const label = useDesignerState((s) => (only === undefined ? '' : nodeLabel(s.document, only, locale)));
  let body: ReactNode;
  if (selection.length === 0 || only === undefined || type === undefined)
    body = <p className="fbd-empty">{messages.nothingSelected}</p>;
  else if (selection.length > 1)
    body = <p className="fbd-empty">{messages.manySelected(selection.length)}</p>;
  else {
    body = (
      <>
        <h3 className="fbd-panel-title">{label}</h3>
        <NodeProperties key={only} nodeId={only} />
        {type === 'field' || type === 'repeatingTable' ? <KeyEditor nodeId={only} /> : null}
        {type === 'field' ? <FieldRules nodeId={only} /> : null}
        {type === 'field' ? <RollupPanel nodeId={only} /> : null}
        {type === 'field' || type === 'repeatingTable' ? <RollupUses nodeId={only} /> : null}
      </>
    );
  }
  return (
    <aside className="fbd-properties" aria-label={messages.properties}>
      <h2>{messages.properties}</h2>
      {body}
    </aside>
  );
}
