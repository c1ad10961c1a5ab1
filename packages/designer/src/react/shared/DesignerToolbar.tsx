import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DocumentStore } from '../../core/createDocumentStore.ts';
import type { DesignerSession } from './useDesignerSession.ts';

/** The strings of the toolbar. */
export interface ToolbarMessages {
  readonly toolbar: string;
  readonly undo: string;
  readonly redo: string;
  readonly delete: string;
  readonly duplicate?: string;
  readonly save: string;
  readonly saved: string;
  readonly unsaved: string;
  readonly problems: (count: number) => string;
  readonly noProblems: string;
}

/** Props of the toolbar. */
export interface DesignerToolbarProps<D> {
  readonly designer: DocumentStore<D>;
  readonly messages: ToolbarMessages;
  readonly session: DesignerSession;
  /** How many problems the document has (Save waits for none). */
  readonly problemCount: number;
  /** Whether Delete applies to the selection (default: anything is selected). */
  readonly deletable?: (selection: readonly string[]) => boolean;
  /** Shows a Duplicate button. */
  readonly duplicate?: boolean;
  /** Makes the problem count a button that shows or hides the problems list; else it is a status. */
  readonly problemsList?: { readonly shown: boolean; readonly show: (shown: boolean) => void };
  /** More controls after undo/redo/delete (the form designer's design/preview switch). */
  readonly children?: ReactNode;
}

const anything = (selection: readonly string[]) => selection.length > 0;

/** Undo, redo, delete (and duplicate), the designer's own controls, problems, saved state and Save. */
export function DesignerToolbar<D>(props: DesignerToolbarProps<D>): ReactNode {
  const { designer, messages, session, problemCount: count } = props;
  const deletable = props.deletable ?? anything;
  const canUndo = useStore(designer.store, (s) => s.past !== undefined);
  const canRedo = useStore(designer.store, (s) => s.future !== undefined);
  const dirty = useStore(designer.store, (s) => s.dirty);
  const canDelete = useStore(designer.store, (s) => deletable(s.selection));
  const problems = count === 0 ? messages.noProblems : messages.problems(count);
  return (
    <div className="fbd-toolbar" role="toolbar" aria-label={messages.toolbar}>
      <button type="button" className="fb-button" disabled={!canUndo} onClick={() => session.travel('undo')}>
        {messages.undo}
      </button>
      <button type="button" className="fb-button" disabled={!canRedo} onClick={() => session.travel('redo')}>
        {messages.redo}
      </button>
      <button
        type="button"
        className="fb-button"
        disabled={!canDelete}
        onClick={() => session.report(designer.removeSelection())}
      >
        {messages.delete}
      </button>
      {props.duplicate && messages.duplicate ? (
        <button
          type="button"
          className="fb-button"
          disabled={!canDelete}
          onClick={() => session.report(designer.duplicate())}
        >
          {messages.duplicate}
        </button>
      ) : null}
      <span className="fbd-toolbar-gap" />
      {props.children}
      {props.problemsList ? (
        <button
          type="button"
          className="fb-button"
          aria-expanded={props.problemsList.shown}
          disabled={count === 0}
          onClick={() => props.problemsList?.show(!props.problemsList.shown)}
        >
          {problems}
        </button>
      ) : (
        <span className="fbd-status">{problems}</span>
      )}
      <span className="fbd-status">{dirty ? messages.unsaved : messages.saved}</span>
      {session.save ? (
        <button
          type="button"
          className="fb-button fb-button--primary"
          disabled={!dirty || count > 0 || session.saving}
          onClick={session.save}
        >
          {messages.save}
        </button>
      ) : null}
    </div>
  );
}
