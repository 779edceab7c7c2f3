const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // German, French, Spanish, Portuguese and Dutch abbreviations that real feeds emit
  mrz: 3,
  mär: 3,
  okt: 10,
  dez: 12,
  mai: 5,
  fév: 2,
  fev: 2,
  avr: 4,
  juin: 6,
  juil: 7,
  aoû: 8,
  déc: 12,
  ene: 1,
  abr: 4,
  ago: 8,
  dic: 12,
  set: 9,
  out: 10,
  mei: 5,
  maa: 3,
};

// Named zones (RFC 822 + common US/European abbreviations), in minutes east of UTC.
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  ist: 330,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
  awst: 480,
  aest: 600,
  aedt: 660,
  acst: 570,
  nzst: 720,
  nzdt: 780,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  ast: -240,
  adt: -180,
  nst: -210,
  ndt: -150,
};

const W3C =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const RFC822 =
  /^(?:[^\d\s,]+\.?,?\s*)?(\d{1,2})[\s-]+([a-zà-ü]{3,})\.?[\s-]+(\d{2,4}),?(?:\s+(\d{1,2}):?(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(.*)$/i;
const ASCTIME =
  /^(?:[a-z]+,?\s+)?([a-z]{3,})\.?\s+(\d{1,2}),?\s+(?:(\d{4})\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([a-z]{1,5}(?:[+-]\d{2}:?\d{2})?|[+-]\d{2}:?\d{2})?(?:\s+(\d{4}))?(?:\s*\(.*\))?$/i;

/**
 * Parses a feed date to an ISO 8601 UTC string: RFC 822/2822 with named, military and numeric
 * zones, W3CDTF/RFC 3339 (partial dates too), asctime, and the usual broken forms (two-digit
 * years, no seconds, stray day names). A date without a zone is UTC, never the host's zone.
 * @example parseDate('Sat, 07 Sep 2002 00:00:01 EDT') // '2002-09-07T04:00:01.000Z'
 */
export function parseDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const fast = parseCommon(value);
  if (fast !== undefined) return fast;
  const text = value.trim().replace(/\s+/g, ' ');
  if (!text || text.length > 100) return undefined;
  return parseW3c(text) ?? parseRfc822(text) ?? parseAsctime(text);
}

// The two forms nearly every feed uses, matched by simple anchored patterns first.
const COMMON_ISO = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/;
const COMMON_RFC822 =
  /^[A-Z][a-z]{2}, (\d\d?) ([A-Z][a-z]{2}) (\d{4}) (\d\d):(\d\d):(\d\d) (GMT|UTC|[+-]\d{4}|[A-Z]{3})$/;

function parseCommon(value: string): string | undefined {
  const iso = COMMON_ISO.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    return build(+y!, +mo!, +d!, +h!, +mi!, +s!, ms, zoneMinutes(zone));
  }
  const rfc = COMMON_RFC822.exec(value);
  if (rfc) {
    const [, d, mon, y, h, mi, s, zone] = rfc;
    const month = MONTHS[mon!.toLowerCase()];
    if (month !== undefined) return build(+y!, month, +d!, +h!, +mi!, +s!, 0, zoneMinutes(zone));
  }
  return undefined;
}

function parseW3c(text: string): string | undefined {
  const m = W3C.exec(text);
  if (!m) return undefined;
  const [, y, mo = '1', d = '1', h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  return build(
    +y!,
    +mo,
    +d,
    +h,
    +mi,
    +s,
    Math.round(Number(`0.${frac}`) * 1000),
    zoneMinutes(zone),
  );
}

function parseRfc822(text: string): string | undefined {
  const m = RFC822.exec(text);
  if (!m) return undefined;
  const [, d, mon, y, h = '0', mi = '0', s = '0', rest = ''] = m;
  const month = monthOf(mon!);
  if (month === undefined) return undefined;
  const offset = rest ? zoneMinutes(rest.split(' ')[0]) : 0;
  if (offset === undefined) return undefined;
  return build(fullYear(y!), month, +d!, +h, +mi, +s, 0, offset);
}

function parseAsctime(text: string): string | undefined {
  const m = ASCTIME.exec(text);
  if (!m) return undefined;
  const [, mon, d, y1, h, mi, s = '0', zone = '', y2] = m;
  const month = monthOf(mon!);
  const year = y1 ?? y2;
  if (month === undefined || !year) return undefined;
  const offset = zone ? zoneMinutes(zone.replace(/^GMT(?=[+-])/i, '')) : 0;
  if (offset === undefined) return undefined;
  return build(+year, month, +d!, +h!, +mi!, +s, 0, offset);
}

function monthOf(name: string): number | undefined {
  const lower = name.toLowerCase();
  return MONTHS[lower.slice(0, 4)] ?? MONTHS[lower.slice(0, 3)];
}

function fullYear(y: string): number {
  const n = +y;
  if (y.length === 4) return n;
  if (y.length === 3) return n + 1900;
  return n < 50 ? 2000 + n : 1900 + n;
}

function zoneMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  // The forms nearly every feed writes, read without regular expressions.
  if (zone === 'Z' || zone === 'GMT' || zone === 'UTC') return 0;
  const c = zone.charCodeAt(0);
  if ((c === 43 || c === 45) && (zone.length === 5 || (zone.length === 6 && zone[3] === ':'))) {
    const h = twoDigits(zone, 1);
    const m = twoDigits(zone, zone.length - 2);
    if (h >= 0 && m >= 0) return (c === 45 ? -1 : 1) * (h * 60 + m);
  }
  const z = zone.trim().replace(/^\(|\)$/g, '');
  const numeric = /^(?:GMT|UTC|UT)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(z);
  if (numeric) {
    const sign = numeric[1] === '-' ? -1 : 1;
    return sign * (+numeric[2]! * 60 + +(numeric[3] ?? 0));
  }
  const lower = z.toLowerCase();
  if (lower in ZONES) return ZONES[lower];
  if (/^[a-ik-z]$/.test(lower)) return military(lower);
  return /^[a-z]{1,5}$/i.test(z) ? 0 : undefined;
}

// The number written by two ASCII digits at `at`, or -1.
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

// RFC 822 military zones: A–I, K–M east (+1…+12), N–Y west (−1…−12), Z UTC.
function military(letter: string): number {
  const c = letter.charCodeAt(0) - 96;
  if (c <= 9) return c * 60;
  if (c <= 13) return (c - 1) * 60;
  if (c <= 25) return -(c - 13) * 60;
  return 0;
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offset: number | undefined,
): string | undefined {
  if (offset === undefined || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60)
    return undefined;
  if (y < 1000 || y > 9999) return undefined;
  if (d > daysIn(y, mo)) return undefined;
  return isoString(Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset * 60_000);
}

const DAY = 86_400_000;

// `new Date(t).toISOString()`, a few times faster: the civil date from the day number by Howard
// Hinnant's algorithm. Years outside 1000–9999 (and NaN, which throws) go through Date itself.
function isoString(t: number): string {
  const days = Math.floor(t / DAY);
  let rem = t - days * DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (!(y >= 1000 && y <= 9999)) return new Date(t).toISOString();
  const h = Math.floor(rem / 3_600_000);
  rem -= h * 3_600_000;
  const mi = Math.floor(rem / 60_000);
  rem -= mi * 60_000;
  const s = Math.floor(rem / 1000);
  const ms = rem - s * 1000;
  const msText = ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : `${ms}`;
  return `${y}-${two(m)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}.${msText}Z`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function daysIn(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}
