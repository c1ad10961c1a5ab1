import type { ReactNode } from 'react';

/** The designers' polite live region: what screen readers are told after a keyboard action. */
export function LiveRegion({ text }: { readonly text: string }): ReactNode {
  return (
    <div className="fbd-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
