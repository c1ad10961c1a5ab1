// The designers' icons as stroked SVG paths on a 16 × 16 grid. Drawn rather than taken from emoji or
// symbol fonts: many machines (Debian's Chromium among them) have no emoji font and show empty boxes.

/** A circle as path data (two arcs). */
function circle(cx: number, cy: number, r: number): string {
  return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
}

const BOX = 'M2 3h12v10H2z';
const GRID_3 = 'M2 2h12v12H2zM2 6h12M2 10h12M6 2v12M10 2v12';

/** Built-in icons by name: the path data of each. */
export const ICONS: Readonly<Record<string, string>> = {
  // Form fields
  text: 'M3 3h10M8 3v10',
  paragraph: 'M2 4h12M2 7h12M2 10h12M2 13h7',
  number: 'M6.5 2 5 14M11 2 9.5 14M2.5 6h11M2 10h11',
  percent: `M13 3 3 13${circle(4.5, 4.5, 1.8)}${circle(11.5, 11.5, 1.8)}`,
  currency: 'M4 2l4 5 4-5M8 7v7M5 8.5h6M5 11.5h6',
  email: 'M2 4h12v9H2zM2 4l6 5 6-5',
  link: 'M9 2h5v5M14 2 7 9M12 10v4H2V4h4',
  select: `${BOX}M9.5 7l1.5 1.5L12.5 7`,
  radio: `${circle(8, 8, 6)}${circle(8, 8, 2)}`,
  checkbox: 'M2 2h12v12H2zM5 8l2 2 4-4',
  switch: `M5 5h6a3 3 0 0 1 0 6H5a3 3 0 0 1 0-6z${circle(11, 8, 1.8)}`,
  star: 'M8 1.5l2 4.3 4.6.5-3.4 3.1 1 4.6L8 11.7 3.8 14l1-4.6L1.4 6.3 6 5.8z',
  slider: `M2 8h12${circle(6, 8, 2)}`,
  progress: 'M2 6h12v4H2zM2 8h7',
  calendar: 'M2 3h12v11H2zM2 6.5h12M5 1.5v3M11 1.5v3',
  clock: `${circle(8, 8, 6)}M8 4.5V8l2.5 1.5`,
  range: 'M2 8h12M5 5 2 8l3 3M11 5l3 3-3 3',
  person: `${circle(8, 5, 3)}M2.5 14.5c0-3 2.5-5 5.5-5s5.5 2 5.5 5`,
  building: 'M3 1.5h10v13H3zM6 4.5h1M9 4.5h1M6 7.5h1M9 7.5h1M7 14.5v-3h2v3',
  file: 'M4 1.5h5l3 3v10H4zM9 1.5v3h3',
  // Layout
  section: `${BOX}M2 6h12`,
  columns: `${BOX}M8 3v10`,
  column: 'M5 2h6v12H5z',
  tabs: 'M2 6h12v8H2zM2 6V3h5v3',
  tab: 'M3 6V3h6v3',
  steps: `${circle(3, 8, 1.5)}${circle(8, 8, 1.5)}${circle(13, 8, 1.5)}M4.5 8h2M9.5 8h2`,
  step: 'M6 3l5 5-5 5',
  table: 'M2 2h12v12H2zM2 6h12M2 10h12M6 6v8M10 6v8',
  note: 'M3 13l1-3.5 7-7 2.5 2.5-7 7zM9.5 4l2.5 2.5',
  // Dashboard widgets
  kpi: `${BOX}M4.5 10.5l2.5-3 2 2 2.5-3.5`,
  gauge: 'M2 12a6 6 0 0 1 12 0M8 12l3-4',
  gapBoard: 'M2 4h8M2 8h11M2 12h6M12 2v12',
  leaderboard: 'M1.5 14V9h4v5M5.5 14V4h5v10M10.5 14V7h4v7',
  line: 'M2 2v12h12M4 11l3-4 2.5 2L14 4',
  bar: 'M2 14h12M3.5 14V8h2v6M7 14V4h2v10M10.5 14V10h2v4',
  pie: `${circle(8, 8, 6)}M8 8V2M8 8l5.2 3`,
  funnel: 'M2 3h12l-4.5 5v5l-3 1.5V8z',
  heatmap: `${GRID_3}M3 3h2v2H3zM7 7h2v2H7zM11 11h2v2h-2z`,
  scatter: `M2 2v12h12${circle(5, 10, 0.8)}${circle(8, 7, 0.8)}${circle(11, 9, 0.8)}${circle(12, 4, 0.8)}`,
  nineBox: GRID_3,
  alert: 'M8 2l6.5 12h-13zM8 6.5v3.5M8 12v.5',
  tree: 'M6.5 1.5h3v3h-3zM8 4.5v3M3.5 10.5v-3h9v3M2 10.5h3v3H2zM11 10.5h3v3h-3z',
  // Workflow steps and triggers
  approval: `${circle(8, 8, 6)}M5 8l2 2 4-4`,
  notify: 'M4 11V7a4 4 0 0 1 8 0v4l1.5 1.5h-11zM6.5 14h3',
  condition: 'M8 2v4M8 6 4 10v4M8 6l4 4v4',
  updateRecord: 'M4 1.5h5l3 3v10H4zM6 11l.5-2 3-3 1.5 1.5-3 3z',
  createRecord: 'M4 1.5h5l3 3v10H4zM8 7v5M5.5 9.5h5',
  wait: 'M4 2h8M4 14h8M5 2c0 4 6 4 6 6s-6 2-6 6M11 2c0 4-6 4-6 6s6 2 6 6',
  http: `${circle(8, 8, 6)}M2 8h12M8 2c-3 3-3 9 0 12M8 2c3 3 3 9 0 12`,
  end: `${circle(8, 8, 6)}M5.5 5.5h5v5h-5z`,
  record: 'M4 1.5h5l3 3v10H4zM6 8h4M6 10.5h4',
  streak: 'M2 2v12h12M4 5l3 3 2.5-2L14 11',
};
