// natural's PorterStemmer (natural 8, lib/natural/stemmers/porter_stemmer.js, MIT, © 2011 Chris
// Umbel), step for step, with its regular expressions on plain suffixes replaced by string tests
// and its consonant/vowel categorising done in one pass instead of three replace() calls. It
// keeps natural's quirks on purpose (a "measure" that can be fractional, suffix rules applied
// cumulatively), because stems are term identities: any difference would change TF-IDF vectors.
// `porter.test.ts` checks it against natural on every token of the shared data and on
// WordNet's lemmas with their inflections.

const VOWELS = new Uint8Array(128);
for (const c of 'aeiou') VOWELS[c.charCodeAt(0)] = 1;
const Y = 121;

function isVowel(c: number): boolean {
  return c < 128 && VOWELS[c] === 1;
}

// natural's categorizeGroups(token) as symbols (1 = V, 0 = C) in `groups`; returns how many:
// a run of consonants (not y) ending in y → C V; a run of vowels → V (not merged with a V just
// made from a y); any other run of non-V → C.
const groups = new Uint8Array(256);
function categorizeGroups(token: string): number {
  const n = token.length;
  let size = 0;
  let last = -1; // 0: consonant run, 1: vowel run, 2: V made from a y
  let i = 0;
  while (i < n) {
    const c = token.charCodeAt(i);
    if (isVowel(c)) {
      if (last !== 1) groups[size++] = 1;
      last = 1;
      i += 1;
    } else if (c === Y) {
      if (last !== 0) groups[size++] = 0;
      last = 0;
      i += 1;
    } else {
      let r = i + 1;
      while (r < n && !isVowel(token.charCodeAt(r)) && token.charCodeAt(r) !== Y) r += 1;
      if (last !== 0) groups[size++] = 0;
      last = 0;
      if (r < n && token.charCodeAt(r) === Y) {
        groups[size++] = 1;
        last = 2;
        r += 1;
      }
      i = r;
    }
  }
  return size;
}

function hasV(size: number, end = size): boolean {
  for (let k = 0; k < end && k < size; k++) if (groups[k] === 1) return true;
  return false;
}

// natural's measure: the group string without a leading C and a trailing V, halved (−1 for an
// empty or missing token).
function measure(token: string | null): number {
  if (!token) return -1;
  const size = categorizeGroups(token);
  let length = size;
  if (size > 0 && groups[0] === 0) length -= 1;
  if (size > 0 && groups[size - 1] === 1 && (size > 1 || groups[0] === 1)) length -= 1;
  return Math.max(0, length) / 2;
}

// natural's categorizeChars, one position: a y after a consonant (not y) is V, vowels are V,
// everything else C.
function charIsV(token: string, i: number): boolean {
  const c = token.charCodeAt(i);
  if (isVowel(c)) return true;
  if (c !== Y || i === 0) return false;
  const before = token.charCodeAt(i - 1);
  return !isVowel(before) && before !== Y;
}

// categorizeChars(token).substr(from, 3) === 'CVC', for from ≥ 0 (the caller resolves negatives).
function cvcAt(token: string, from: number): boolean {
  if (from < 0 || from + 3 > token.length) return false;
  return !charIsV(token, from) && charIsV(token, from + 1) && !charIsV(token, from + 2);
}

function endsWithDoubleConsonant(token: string): boolean {
  const n = token.length;
  if (n < 2) return false;
  const c = token.charCodeAt(n - 1);
  return c === token.charCodeAt(n - 2) && !isVowel(c);
}

// attemptReplace with a plain suffix: the token with `suffix` replaced, or null.
function replaceSuffix(token: string, suffix: string, replacement: string): string | null {
  if (!token.endsWith(suffix)) return null;
  const result = token.slice(0, token.length - suffix.length) + replacement;
  return result === '' ? null : result;
}

type Rule = readonly [suffix: string, replacement: string];

// attemptReplacePatterns: each rule whose stem (of the original token) measures above the
// threshold is applied to the running result (so rules can apply one after another).
function replacePatterns(token: string, rules: readonly Rule[], threshold: number | null): string {
  let replacement = token;
  for (const [suffix, to] of rules) {
    if (threshold === null || measure(replaceSuffix(token, suffix, '')) > threshold) {
      replacement = replaceSuffix(replacement, suffix, to) ?? replacement;
    }
  }
  return replacement;
}

function step1a(token: string): string {
  if (token.endsWith('sses') || token.endsWith('ies')) return token.slice(0, -2);
  const n = token.length;
  if (token.endsWith('s') && token.charCodeAt(n - 2) !== 115 && n > 2) return token.slice(0, -1);
  return token;
}

function step1b(token: string): string {
  if (token.endsWith('eed')) {
    return measure(token.slice(0, -3)) > 0 ? `${token.slice(0, -3)}ee` : token;
  }
  const cut = token.endsWith('ed') ? 2 : token.endsWith('ing') ? 3 : 0;
  if (cut === 0) return token;
  const stem = token.slice(0, -cut);
  if (stem === '') return token;
  return afterEdIng(stem) ?? token;
}

function afterEdIng(token: string): string | null {
  if (!hasV(categorizeGroups(token))) return null;
  const result = replacePatterns(
    token,
    [
      ['at', 'ate'],
      ['bl', 'ble'],
      ['iz', 'ize'],
    ],
    null,
  );
  if (result !== token) return result;
  const last = token.charCodeAt(token.length - 1);
  if (endsWithDoubleConsonant(token) && last !== 108 && last !== 115 && last !== 122) {
    return token.slice(0, -1);
  }
  if (
    measure(token) === 1 &&
    cvcAt(token, token.length - 3) &&
    last !== 119 &&
    last !== 120 &&
    last !== Y
  ) {
    return `${token}e`;
  }
  return token;
}

function step1c(token: string): string {
  const size = categorizeGroups(token);
  if (token.endsWith('y') && hasV(size, size - 1)) return `${token.slice(0, -1)}i`;
  return token;
}

const STEP2: readonly Rule[] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['abli', 'able'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
];

const STEP3: readonly Rule[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];

const STEP4_SUFFIX =
  /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
const STEP4_ION = /^(.+?)(s|t)(ion)$/;

function step4(token: string): string {
  const a = STEP4_SUFFIX.exec(token);
  if (a && measure(a[1] as string) > 1) return a[1] as string;
  const b = STEP4_ION.exec(token);
  if (b) {
    const kept = (b[1] as string) + (b[2] as string);
    if (measure(kept) > 1) return kept;
  }
  return token;
}

function step5a(token: string): string {
  const m = measure(token.endsWith('e') ? token.slice(0, -1) : token);
  // categorizeChars(token).substr(-4, 3): from 0 when the token is shorter than 4.
  const cvc = cvcAt(token, Math.max(0, token.length - 4)) && notWxyBeforeLast(token);
  if (m > 1 || (m === 1 && !cvc)) {
    return token.endsWith('e') ? token.slice(0, -1) : token;
  }
  return token;
}

// token.match(/[^wxy].$/): the character before the last is not w, x or y.
function notWxyBeforeLast(token: string): boolean {
  if (token.length < 2) return false;
  const c = token.charCodeAt(token.length - 2);
  return c !== 119 && c !== 120 && c !== Y;
}

function step5b(token: string): string {
  return measure(token) > 1 && token.endsWith('ll') ? token.slice(0, -1) : token;
}

/** natural's `PorterStemmer.stem` of a lower-case token (see the file comment). */
export function porterStem(token: string): string {
  if (token.length < 3) return token;
  let t = step1a(token);
  t = step1b(t);
  t = step1c(t);
  t = replacePatterns(t, STEP2, 0);
  t = replacePatterns(t, STEP3, 0);
  t = step4(t);
  t = step5a(t);
  return step5b(t);
}
