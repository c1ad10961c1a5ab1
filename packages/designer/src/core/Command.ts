import type { LocalizedMessage } from '@formboard/formula';

/** What an applied command leaves: the next document and, when it changes, the next selection. */
export interface Applied<D> {
  readonly document: D;
  readonly selection?: readonly string[];
}

/** A command that cannot apply, with the reason to show the user (zh-CN and en). */
export interface Refused {
  readonly refused: LocalizedMessage;
}

/** The outcome of running a command on a document. */
export type Outcome<D> = Applied<D> | Refused;

/**
 * One edit of a document: a pure function from the current document and selection to the next ones.
 * Documents are immutable: a command returns new objects along the path it changed and keeps the
 * others (structural sharing), so undo is exact and incremental validation reuses what did not change.
 */
export interface Command<D> {
  /** What the edit does, for the history and screen-reader announcements: "添加字段" / "Add field". */
  readonly label: LocalizedMessage;
  /**
   * Consecutive commands with the same merge key become one undo step, as typing into one property
   * should. A checkpoint, an undo or redo, or any other command ends the run.
   */
  readonly mergeKey?: string;
  run(document: D, selection: readonly string[]): Outcome<D>;
}

/** What `execute` answers: applied (possibly without any change), or refused with the reason. */
export type CommandResult = { readonly ok: true } | { readonly ok: false; readonly reason: LocalizedMessage };

/** True when a result (an outcome, a checked place…) is a refusal. */
export function isRefused<T extends object>(value: T | Refused): value is Refused {
  return 'refused' in value && typeof (value as { refused?: unknown }).refused === 'object';
}

/** A refusal with its zh-CN and en reason. */
export function refuse(zh: string, en: string): Refused {
  return { refused: { 'zh-CN': zh, en } };
}
