// Date-time fields store RFC 3339 text with an offset ("2026-11-27T10:30:00+08:00"); the browser's
// datetime-local input speaks wall-clock time ("2026-11-27T10:30"). These convert between the two in
// the form's time zone (Asia/Shanghai by default), not the device's.

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(timeZone, format);
  }
  return format;
}

/** Wall-clock fields of an instant in a time zone. */
function wallClock(epoch: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(epoch)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out;
}

/** Offset of a time zone at an instant, in minutes east of UTC. */
function offsetAt(epoch: number, timeZone: string): number {
  const w = wallClock(epoch, timeZone);
  const asUtc = Date.UTC(
    w.year ?? 1970,
    (w.month ?? 1) - 1,
    w.day ?? 1,
    w.hour ?? 0,
    w.minute ?? 0,
    w.second ?? 0,
  );
  return Math.round((asUtc - Math.floor(epoch / 1000) * 1000) / 60000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-11-27T02:30:00Z" → "2026-11-27T10:30" in Asia/Shanghai; "" for text that is not a date-time. */
export function isoToLocalInput(iso: string, timeZone: string): string {
  const epoch = Date.parse(iso);
  if (Number.isNaN(epoch)) return '';
  const w = wallClock(epoch, timeZone);
  return `${pad(w.year ?? 0, 4)}-${pad(w.month ?? 1)}-${pad(w.day ?? 1)}T${pad(w.hour ?? 0)}:${pad(w.minute ?? 0)}`;
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
