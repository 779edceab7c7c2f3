const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Normalises an ISO 8601 date or date-time (any offset; none means UTC, never the host's zone),
 * a `Date`, or epoch milliseconds to `YYYY-MM-DDTHH:mm:ss.sssZ`. Returns `undefined` when the
 * value is not such a time.
 * @example toIsoUtc('2021-04-22T10:00:00-04:00') // '2021-04-22T14:00:00.000Z'
 */
export function toIsoUtc(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === 'number') return Number.isFinite(value) ? safeIso(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const match = ISO_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = match;
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  const local = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    ms,
  );
  if (!validParts(local, Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s))) {
    return undefined;
  }
  return safeIso(local - zoneOffsetMinutes(zone) * 60_000);
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

function validParts(time: number, ...parts: number[]): boolean {
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number];
  const date = new Date(time);
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s <= 60
  );
}

function safeIso(time: number): string | undefined {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
