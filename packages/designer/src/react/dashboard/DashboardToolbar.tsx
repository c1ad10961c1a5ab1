import type { ReactNode } from 'react';
import type { DashboardResult } from '../../dashboard/dashboardProblems.ts';
import { useDashboardDesigner, useDashboardState } from './DashboardDesignerContext.ts';

/** Props of the toolbar. */
export interface DashboardToolbarProps {
  readonly result: DashboardResult;
  readonly showProblems: boolean;
  readonly onShowProblems: (show: boolean) => void;
  /** Undefined when the host gave no onSave. */
  readonly onSave: (() => void) | undefined;
  readonly saving: boolean;
  /** Undoes or redoes one step, announcing it. */
  readonly travel: (kind: 'undo' | 'redo') => void;
}

/** Undo, redo, delete, duplicate, problems and save. */
export function DashboardToolbar(props: DashboardToolbarProps): ReactNode {
  const { designer, messages, report } = useDashboardDesigner();
  const canUndo = useDashboardState((s) => s.past !== undefined);
  const canRedo = useDashboardState((s) => s.future !== undefined);
  const dirty = useDashboardState((s) => s.dirty);
  const selected = useDashboardState((s) => s.selection.length > 0);
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
