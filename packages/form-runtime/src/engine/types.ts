import type { Locale, LocalizedMessage } from '@formboard/formula';

/** Who and when a form is filled in: read by formulas as $user, $record, $today, $now. */
export interface FormContext {
  readonly user?: Readonly<Record<string, unknown>>;
  readonly record?: Readonly<Record<string, unknown>>;
  /** The clock (epoch ms or Date); default the current time. */
  readonly now?: number | Date;
  /** IANA time zone for dates; default "Asia/Shanghai". */
  readonly timeZone?: string;
}

/** When a field is checked: on every change, on blur, or on blur and then on every change. */
export type ValidateOn = 'change' | 'blur' | 'touched';

/** Options of `createFormEngine`. */
export interface FormEngineOptions {
  /** The starting value: a record being edited, or a partial one. Defaults fill what is absent. */
  readonly value?: Readonly<Record<string, unknown>>;
  readonly locale?: Locale;
  readonly context?: FormContext;
  /** Default "touched": a field is checked when it loses focus, then on every change. */
  readonly validateOn?: ValidateOn;
  /**
   * Skip validating the definition: for a published version the server validated when it was saved
   * (opening a form in the browser then does not compile the definition meta-schema). Never for
   * definitions from elsewhere.
   */
  readonly trustedDefinition?: boolean;
}

/** A problem to show next to a field (or at the top of the form when `path` is ""). */
export interface FormIssue {
  /** Concrete path: "kpis[2].weight"; "" for problems of the whole form. */
  readonly path: string;
  /** The failed check: required, maximum, format, validation id… */
  readonly keyword: string;
  readonly message: LocalizedMessage;
}

/** Everything a widget needs to render one field. Identity is stable while nothing changed. */
export interface FieldState {
  readonly value: unknown;
  readonly issues: readonly FormIssue[];
  readonly touched: boolean;
  readonly dirty: boolean;
  readonly visible: boolean;
  readonly required: boolean;
  readonly readOnly: boolean;
  /** Set when a computed field's formula failed (e.g. division by zero); its value is then empty. */
  readonly computedError?: LocalizedMessage;
}

/** State of the whole form, for the submit button and the error summary. */
export interface FormState {
  readonly dirty: boolean;
  readonly issues: readonly FormIssue[];
  readonly submitCount: number;
}

/** What `submit()` gives: the clean value (hidden fields left out) or every problem. */
export type SubmitResult =
  | { readonly ok: true; readonly value: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly issues: readonly FormIssue[] };

/** A saved in-progress form (see `serializeDraft`). */
export interface FormDraft {
  readonly format: 'formboard-draft';
  readonly version: 1;
  readonly formId: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly touched: readonly string[];
  readonly savedAt: string;
}
