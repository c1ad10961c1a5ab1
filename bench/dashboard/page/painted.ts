// "Painted": every widget of the board shows its data (no loading or refreshing state, each chart's
// SVG drawn), and the browser has painted a frame since.

/** Whether every one of `count` widgets in `container` is drawn with its rows. */
function allDrawn(container: HTMLElement, count: number): boolean {
  const widgets = container.querySelectorAll('[data-widget-id]');
  if (widgets.length !== count) return false;
  for (const widget of widgets) {
    if (widget.getAttribute('data-state') !== 'ready' || widget.hasAttribute('aria-busy')) return false;
    const chart = widget.querySelector('.fb-chart');
    if (chart && !chart.querySelector('svg path')) return false;
  }
  return true;
}

/** Resolves after the frame following the current one is painted (two animation frames). */
export const nextPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/**
 * Resolves once all `count` widgets are drawn and `also()` holds (checked on every DOM change), after
 * the next paint; rejects after `timeoutMs`.
 */
export function whenPainted(
  container: HTMLElement,
  count: number,
  also: () => boolean = () => true,
  timeoutMs = 60_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => allDrawn(container, count) && also();
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
      nextPaint().then(resolve);
    };
    const observer = new MutationObserver(() => {
      if (done()) finish();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`not painted within ${timeoutMs} ms`));
    }, timeoutMs);
    observer.observe(container, { subtree: true, childList: true, attributes: true, characterData: true });
    if (done()) finish();
  });
}
