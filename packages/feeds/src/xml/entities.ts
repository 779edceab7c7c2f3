import { characterEntities } from 'character-entities';

const ENTITY_NAME = /^[A-Za-z_:][\w.:-]*$/;

/** What entity decoding found wrong, and the document's own `<!ENTITY>` declarations. */
export interface EntityContext {
  /** Internal entities declared in the DOCTYPE, already expanded. */
  declared: Map<string, string>;
  /** Set when the text had a bare `&`, an unknown entity or a bad character reference. */
  malformed: boolean;
  /** Set when an HTML entity was used without a declaration (not well-formed XML). */
  undeclared: boolean;
  /** Characters that declared entities may still expand to (bounds quadratic blow-up). */
  budget: number;
}

/** A code point as a string, or U+FFFD when it is not a valid XML character. */
export function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  if (code >= 0x80 && code <= 0x9f) return cp1252Control(code);
  return String.fromCodePoint(code);
}

// Feeds write &#150; meaning the Windows-1252 character, as browsers read it.
const C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
function cp1252Control(code: number): string {
  return C1[code - 0x80] ?? String.fromCharCode(code);
}

/** The value of the named entity `name` (`amp`, `eacute`, a declared one), if known. */
export function namedEntity(name: string, ctx?: EntityContext): string | undefined {
  const xml = xmlPredefined(name);
  if (xml !== undefined) return xml;
  const own = ctx?.declared.get(name);
  if (own !== undefined && ctx) {
    ctx.budget -= own.length;
    if (ctx.budget >= 0) return own;
    ctx.malformed = true;
    return '';
  }
  const html =
    name === 'lang'
      ? '\u2329'
      : name === 'rang'
        ? '\u232a'
        : Object.hasOwn(characterEntities, name)
          ? characterEntities[name]
          : undefined;
  if (html !== undefined && ctx) ctx.undeclared = true;
  return html;
}

// XML's five predefined entities, by a switch: an object lookup of every other name (`nbsp`,
// `hellip`) would miss and walk the prototype chain.
function xmlPredefined(name: string): string | undefined {
  switch (name) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
    default:
      return undefined;
  }
}

/**
 * Decodes character and entity references in XML text. Never throws: a bare `&` or an unknown
 * entity stays as written and marks `ctx.malformed`.
 * @example decodeEntities('a &amp; b &#8217;', ctx) // "a & b ’"
 */
export function decodeEntities(text: string, ctx: EntityContext): string {
  let amp = text.indexOf('&');
  if (amp === -1) return text;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    const semi = semicolonNear(text, amp);
    const value =
      semi === -1
        ? undefined
        : (predefinedAt(text, amp, semi) ?? resolveRef(text.slice(amp + 1, semi), ctx));
    if (value === undefined) {
      // Kept as written: the stretch being copied goes on past it (text full of bare `&` is
      // not cut into one piece per `&`).
      ctx.malformed = true;
      amp = text.indexOf('&', amp + 1);
      continue;
    }
    out += text.slice(from, amp) + value;
    from = semi + 1;
    amp = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

// `&lt;`, `&gt;`, `&amp;`, `&quot;` or `&apos;` between `amp` and `semi`, read in place: escaped
// HTML in RSS descriptions is mostly these.
function predefinedAt(text: string, amp: number, semi: number): string | undefined {
  const c = text.charCodeAt(amp + 1);
  const length = semi - amp - 1;
  if (length === 2 && text.charCodeAt(amp + 2) === 116 /* t */) {
    if (c === 108 /* l */) return '<';
    if (c === 103 /* g */) return '>';
  } else if (length === 3 && c === 97 && text.startsWith('mp', amp + 2)) return '&';
  else if (length === 4) {
    if (c === 113 && text.startsWith('uot', amp + 2)) return '"';
    if (c === 97 && text.startsWith('pos', amp + 2)) return "'";
  }
  return undefined;
}

// The `;` closing a reference starting at `amp`, looked for in the next 40 characters only, so
// text full of bare `&` stays linear.
function semicolonNear(text: string, amp: number): number {
  const end = Math.min(text.length, amp + 42);
  for (let i = amp + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 59) return i;
    if (c === 38 || c === 60 || c === 32) return -1;
  }
  return -1;
}

function resolveRef(ref: string, ctx: EntityContext): string | undefined {
  if (ref.charCodeAt(0) === 35 /* # */) {
    const hex = ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88;
    const digits = ref.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9a-fA-F]{1,8}$/ : /^[0-9]{1,10}$/).test(digits)) return undefined;
    return fromCodePoint(Number.parseInt(digits, hex ? 16 : 10));
  }
  if (!ENTITY_NAME.test(ref)) return undefined;
  return namedEntity(ref, ctx);
}

/**
 * Decodes the references in an HTML attribute or fragment outside any document: no declared
 * entities, problems ignored.
 * @example decodeHtmlEntities('a &amp; b') // 'a & b'
 */
export function decodeHtmlEntities(text: string): string {
  return decodeEntities(text, {
    declared: new Map(),
    malformed: false,
    undeclared: false,
    budget: 0,
  });
}

const NEEDS_ESCAPE = /[&<>"]/;

/** Escapes text for HTML or XML output. */
export function escapeHtml(text: string): string {
  // Most values (URLs, names) have nothing to escape: tested first, no replacement is run.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}
