import type { ReactNode } from 'react';
import { type Text, useLocale } from '../i18n/locale.tsx';

/**
 * A wide table's scroll box: a named region that takes focus, so keyboard users can scroll it too
 * (axe: scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { readonly label: Text; readonly children: ReactNode }) {
  const { t } = useLocale();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to be scrolled.
    <section className="table-scroll" tabIndex={0} aria-label={t(label)}>
      {children}
    </section>
  );
}
