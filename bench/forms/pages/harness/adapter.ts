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

export interface Adapter<Form> {
  readonly library: LibraryId;
  /** CSS selector of the input of the middle field (data key meta.middle, in section meta.middleSection). */
  middleSelector(meta: FixtureMeta): string;
  /** The element tree of the form. */
  render(input: RenderInput<Form>): ReactNode;
}
