const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * The instant an ISO 8601 duration ("P2D", "PT48H", "P1M") after `from`. Years and months are
 * calendar steps (in UTC), weeks and days are 7 and 1 × 24 hours: time zones without daylight saving
 * (Asia/Shanghai) see no difference. The schema's checks refuse a malformed duration at save time.
 */
export function addDuration(from: Date, duration: string): Date {
  const match = DURATION.exec(duration);
  if (!match) throw new RangeError(`not an ISO 8601 duration: ${duration}`);
  const [years, months, weeks, days, hours, minutes] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const seconds = Number(match[7] ?? 0);
  const date = new Date(from.getTime());
  date.setUTCFullYear(date.getUTCFullYear() + (years ?? 0), date.getUTCMonth() + (months ?? 0));
  const ms =
    (((((weeks ?? 0) * 7 + (days ?? 0)) * 24 + (hours ?? 0)) * 60 + (minutes ?? 0)) * 60 + seconds) * 1000;
  return new Date(date.getTime() + ms);
}
