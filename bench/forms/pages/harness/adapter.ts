/**
 * What each library's page supplies to the shared harness: how to render its form into a React root
 * and where its middle field is. Everything else (timing, fixtures, window.bench) is the harness's.
 */
import type { ReactNode, RefObject } from 'react';
import type { FixtureMeta, LibraryId } from '../../protocol.ts';

/** The library's own submit (or full validation), as a page component exposes it through a ref. */
export interface Submitter {
  /** Resolves when the library has the result; `errors` counts the fields it found wrong (called after timing). */
  submit(): Promise<{ readonly ok: boolean; readonly errors: () => number }>;
}

export interface RenderInput<Form> {
  readonly form: Form;
  readonly data: unknown;
  readonly meta: FixtureMeta;
  readonly submitter: RefObject<Submitter | null>;
  /** The container the form is rendered into (for pages that submit through the DOM). */
  readonly container: HTMLElement;
}

/**
 * A library's page. `Opened` is what `render` gets as its form: the fixture itself (`Form`), or what
 * `open` made of it.
 */
export interface Adapter<Form, Opened = Form> {
  readonly library: LibraryId;
  /** CSS selector of the input of the middle field (data key meta.middle, in section meta.middleSection). */
  middleSelector(meta: FixtureMeta): string;
  /**
   * Opens the form before it is rendered, inside the timed mount: for a library that prepares its form
   * asynchronously (Formboard's `loadFormEngine` loads the formula functions the form calls). Pages
   * without it render the fixture as it is, and `Opened` is `Form`.
   */
  open?(form: Form, data: unknown): Promise<Opened>;
  /** The element tree of the form. */
  render(input: RenderInput<Opened>): ReactNode;
}
