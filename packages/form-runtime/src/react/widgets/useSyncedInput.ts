import { type RefObject, useLayoutEffect, useRef } from 'react';

/**
 * The ref of an uncontrolled input or textarea showing `text` (give it `defaultValue={text}` too):
 * the control keeps what is typed, and takes `text` again only when it changes and differs from what
 * the control shows — a reset, a restored draft, a computed value. Widgets using it declare
 * `keepsInput`, so their field does not re-render on every key press.
 */
export function useSyncedInput<T extends HTMLInputElement | HTMLTextAreaElement>(
  text: string,
): RefObject<T | null> {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const control = ref.current;
    if (control && control.value !== text) control.value = text;
  }, [text]);
  return ref;
}
