import type { ReactNode } from 'react';
import type { DefinitionResult } from '../form/formProblems.ts';
import { useDesignerContext, useDesignerState } from './DesignerContext.ts';

/** Props of the toolbar. */
export interface ToolbarProps {
  readonly mode: 'design' | 'preview';
  readonly onMode: (mode: 'design' | 'preview') => void;
  readonly result: DefinitionResult;
  readonly showProblems: boolean;
  readonly onShowProblems: (show: boolean) => void;
  /** Undefined when the host gave no onSave. */
  readonly onSave: (() => void) | undefined;
  readonly saving: boolean;
  /** Undoes or redoes one step, announcing it. */
  readonly travel: (kind: 'undo' | 'redo') => void;
}

/** Undo, redo, delete, duplicate, design/preview, problems and save. */
export function Toolbar(props: ToolbarProps): ReactNode {
  const { designer, messages, report } = useDesignerContext();
  const canUndo = useDesignerState((s) => s.past !== undefined);
  const canRedo = useDesignerState((s) => s.future !== undefined);
  const dirty = useDesignerState((s) => s.dirty);
  const selected = useDesignerState((s) => s.selection.length > 0);
  const count = props.result.ok ? 0 : props.result.problems.length;
  const { travel } = props;
  return (
    <div className="fbd-toolbar" role="toolbar" aria-label={messages.toolbar}>
      <button type="button" className="fb-button" disabled={!canUndo} onClick={() => travel('undo')}>
        {messages.undo}
      </button>
      <button type="button" className="fb-button" disabled={!canRedo} onClick={() => travel('redo')}>
        {messages.redo}
      </button>
      <button
        type="button"
        className="fb-button"
        disabled={!selected}
        onClick={() => report(designer.removeSelection())}
      >
        {messages.delete}
      </button>
      <button
        type="button"
        className="fb-button"
        disabled={!selected}
        onClick={() => report(designer.duplicate())}
      >
        {messages.duplicate}
      </button>
      <span className="fbd-toolbar-gap" />
      <button
        type="button"
        className="fb-button"
        aria-pressed={props.mode === 'design'}
        onClick={() => props.onMode('design')}
      >
        {messages.design}
      </button>
      <button
        type="button"
        className="fb-button"
        aria-pressed={props.mode === 'preview'}
        onClick={() => props.onMode('preview')}
      >
        {messages.preview}
      </button>
      <button
        type="button"
        className="fb-button"
        aria-expanded={props.showProblems}
        disabled={count === 0}
        onClick={() => props.onShowProblems(!props.showProblems)}
      >
        {count === 0 ? messages.noProblems : messages.problems(count)}
      </button>
      <span className="fbd-status">{dirty ? messages.unsaved : messages.saved}</span>
      {props.onSave ? (
        <button
          type="button"
          className="fb-button fb-button--primary"
          disabled={!dirty || count > 0 || props.saving}
          onClick={props.onSave}
        >
          {messages.save}
        </button>
      ) : null}
    </div>
  );
}
