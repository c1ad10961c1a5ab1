import type { ReactNode } from 'react';
import { ICONS } from './icons.ts';

/**
 * A palette or card icon, hidden from assistive technology (the text beside it names the thing): a
 * built-in icon by name (see ICONS), else the string itself as a glyph (a template pack's own). The glyph
 * is drawn by CSS from `data-glyph`, so it is no text of the page: a letter glyph such as "T" cannot make
 * a button's visible text differ from its accessible name.
 */
export function Icon({ name }: { readonly name: string }): ReactNode {
  const path = ICONS[name];
  if (path === undefined)
    return <span className="fbd-icon fbd-icon--glyph" aria-hidden="true" data-glyph={name} />;
  return (
    <svg className="fbd-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={path} />
    </svg>
  );
}
