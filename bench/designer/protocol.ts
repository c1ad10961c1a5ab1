// What the benchmark page (page/main.tsx) offers the runner on `window.designerBench`, and returns.

/** One timed interaction in the page, ms from its input event (the event's own timestamp). */
export interface InteractionTiming {
  /** The DOM shows the result (seen by a MutationObserver, so after React's commit). */
  readonly commitMs: number;
  /** A frame was painted after that. */
  readonly paintMs: number;
}

/** The page's functions, called by the runner through Playwright. */
export interface DesignerBench {
  /** Mounts <FormDesigner> on the fixture form (`form.json`); ms until its canvas is painted. */
  openForm(): Promise<number>;
  /** Starts recording the time of every animation frame. */
  startFrames(): void;
  /** Stops recording; the frames' start times (requestAnimationFrame's timestamps), ms. */
  stopFrames(): number[];
  /**
   * Waits for the next pointerdown (or keydown, for `input: "key"`) and times it until `done()` holds
   * for the DOM: for `{ panelShows: label }` the properties panel's title is that label; for
   * `{ canvasChanges: true }` anything on the canvas changed.
   */
  arm(input: 'pointer' | 'key', until: { panelShows: string } | { canvasChanges: true }): void;
  /** The armed interaction's timing, once it is over. */
  armed(): Promise<InteractionTiming>;
  /** The label the form designer shows for a node (the text its panel title will have). */
  labelOf(nodeId: string): string;
  /** Runs the benchmark history (history.ts) on the open form designer; returns the steps made. */
  buildHistory(steps: number): Promise<number>;
}

declare global {
  interface Window {
    designerBench?: DesignerBench;
  }
}
