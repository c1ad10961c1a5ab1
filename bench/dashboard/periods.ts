const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The board's filter values with a fixed period of `days` days ending `shift` days before today
 * (UTC): each shift is a period no earlier request asked for, so the server has no answer for it
 * kept — a cold open, as the first viewer of a new period (or after a restart) sees it.
 */
export function shiftedPeriod(days: number, shift: number): Record<string, unknown> {
  const to = Math.floor(Date.now() / DAY_MS) * DAY_MS - shift * DAY_MS;
  return { period: { from: iso(to - (days - 1) * DAY_MS), to: iso(to) } };
}
