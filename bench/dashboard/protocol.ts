// What the benchmark page (page/main.tsx) offers the runner on `window.dashboardBench`, and returns.

/** One timed board open in the browser, ms from the start. */
export interface OpenTiming {
  /** The published definition fetched (GET /api/definitions/:id). */
  readonly definitionMs: number;
  /** The last widget's rows arrived (the studio's loader: one POST /api/dashboards/:id/data). */
  readonly lastRowsMs: number;
  /** Every widget drawn with its data, and a frame painted after it. */
  readonly paintedMs: number;
  /** The longest a widget waited for its rows, and the sum over the widgets. */
  readonly slowestRequestMs: number;
  readonly requestSumMs: number;
}

/** One timed record submit until the board shows it. */
export interface UpdateTiming {
  /** The submit answered (POST /api/forms/:id/records). */
  readonly submittedMs: number;
  /** The server's change event reached the page (SSE). */
  readonly eventMs: number;
  /** The last reloaded widget's rows arrived. */
  readonly lastRowsMs: number;
  /** The updated values drawn (the check-in count went up) and a frame painted after it. */
  readonly paintedMs: number;
  readonly widgetsReloaded: number;
}

/** The page's functions, called by the runner through Playwright. */
export interface DashboardBench {
  signIn(login: string, password: string): Promise<void>;
  /** Mounts the board, with these filter values instead of its defaults, and times it until painted. */
  open(filters: Record<string, unknown>): Promise<OpenTiming>;
  /** Mounts the board with a loader answering at once from the rows of the last open: render only. */
  renderOnly(): Promise<number>;
  /** Each widget alone, rendered from the rows of the last open: its id and ms to painted. */
  renderEach(): Promise<[string, number][]>;
  /** Submits one check-in for record number `i` and times it until the board shows it. */
  submit(i: number): Promise<UpdateTiming>;
  /** Unmounts the board. */
  close(): void;
  /** The widest the page is (to check a phone-width layout has no horizontal scroll). */
  pageWidth(): number;
}

declare global {
  interface Window {
    dashboardBench?: DashboardBench;
  }
}
