// Recovery for items hidden inside an element that was never closed (browsers' and feedparser's
// recovery: an item start tag begins an item wherever it appears). Only consulted when an item
// start tag is found somewhere an item cannot be, so it costs nothing on well-formed feeds.

/**
 * True for a raw start-tag name that may begin a feed item: `item`, `entry`, or a prefixed one.
 * @example looksLikeItem('atom:entry') // true
 */
export function looksLikeItem(raw: string): boolean {
  return raw === 'item' || raw === 'entry' || raw.endsWith(':item') || raw.endsWith(':entry');
}

/**
 * Whether none of the open elements `open` (raw names, outermost first) is closed between
 * `from` and the next start tag named `raw`: then the item start tag just read belongs to the
 * feed and they were never closed. When one of them is closed there, the item tag is content of
 * it (HTML written without CDATA, say), and the usual end-tag repair applies.
 * @example neverClosedBeforeNext('<item>…</item><item>', 6, ['image'], 'item') // true
 */
export function neverClosedBeforeNext(
  source: string,
  from: number,
  open: readonly string[],
  raw: string,
): boolean {
  const next = nextStartTag(source, raw, from);
  const end = next === -1 ? source.length : next;
  for (let i = 0; i < open.length; i++) {
    const name = open[i] as string;
    let needed = name === raw ? 1 : 0;
    for (let j = i; j < open.length; j++) if (open[j] === name) needed++;
    if (netCloses(source, name, from, end) >= needed) return false;
  }
  return true;
}

function endsName(c: number): boolean {
  return c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13;
}

function nextStartTag(source: string, name: string, from: number): number {
  for (let at = source.indexOf(`<${name}`, from); at !== -1; ) {
    if (endsName(source.charCodeAt(at + name.length + 1))) return at;
    at = source.indexOf(`<${name}`, at + 1);
  }
  return -1;
}

/** End tags named `name` in [from, end) minus the start tags that are not self-closing. */
function netCloses(source: string, name: string, from: number, end: number): number {
  let net = 0;
  for (let at = source.indexOf(name, from); at !== -1 && at < end; ) {
    const after = at + name.length;
    if (endsName(source.charCodeAt(after))) {
      if (source.charCodeAt(at - 1) === 47 && source.charCodeAt(at - 2) === 60) net++;
      else if (source.charCodeAt(at - 1) === 60) {
        const gt = source.indexOf('>', after);
        if (gt !== -1 && source.charCodeAt(gt - 1) !== 47) net--;
      }
    }
    at = source.indexOf(name, after);
  }
  return net;
}
