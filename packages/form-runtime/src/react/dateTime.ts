// Date-time fields store RFC 3339 text with an offset ("2026-11-27T10:30:00+08:00"); the browser's
// datetime-local input speaks wall-clock time ("2026-11-27T10:30"). These convert between the two in
// the form's time zone (Asia/Shanghai by default), not the device's.

import { civilMsAt } from '@formboard/formula';

/** Offset of a time zone at an instant, in minutes east of UTC. */
function offsetAt(epoch: number, timeZone: string): number {
  return Math.round((civilMsAt(epoch, timeZone) - epoch) / 60000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-11-27T02:30:00Z" → "2026-11-27T10:30" in Asia/Shanghai; "" for text that is not a date-time. */
export function isoToLocalInput(iso: string, timeZone: string): string {
  const epoch = Date.parse(iso);
  if (Number.isNaN(epoch)) return '';
  // Civil milliseconds read with the UTC getters give the wall clock of the zone.
  return new Date(civilMsAt(epoch, timeZone)).toISOString().slice(0, 16);
}

/** "2026-11-27T10:30" in Asia/Shanghai → "2026-11-27T10:30:00+08:00"; undefined for unreadable input. */
export function localInputToIso(local: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let offset = offsetAt(wall, timeZone);
  offset = offsetAt(wall - offset * 60000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local.slice(0, 16)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
