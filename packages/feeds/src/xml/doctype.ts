import { decodeEntities, type EntityContext } from './entities';

const ENTITY_DECL =
  /<!ENTITY\s+(%\s+)?([A-Za-z_:][\w.:-]*)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b[^>]*)\s*>/g;
const MAX_ENTITY_LENGTH = 65_536;

/** What {@link readDoctype} found. */
export interface DoctypeResult {
  /** Offset just past the DOCTYPE. */
  end: number;
  /** The public and system identifiers, e.g. `-//Netscape Communications//DTD RSS 0.91//EN`. */
  id: string | undefined;
  problem: string | undefined;
}

/**
 * Reads a `<!DOCTYPE …>` at `start`, recording internal general entities in `ctx.declared`
 * (each expanded once, bounded in size). External entities are never fetched or read: their
 * references stay unresolved.
 * `cut(from, to)` gives the text between two offsets of `s` (decoded, when `s` is a byte view).
 * @example readDoctype('<!DOCTYPE rss [<!ENTITY a "b">]><rss/>', 0, ctx, (a, b) => s.slice(a, b)).end // 32
 */
export function readDoctype(
  s: string,
  start: number,
  ctx: EntityContext,
  cut: (from: number, to: number) => string,
): DoctypeResult {
  const bracket = s.indexOf('[', start);
  const gt = s.indexOf('>', start);
  if (gt === -1) return { end: s.length, id: undefined, problem: 'unterminated DOCTYPE' };
  if (bracket === -1 || bracket > gt) {
    return { end: gt + 1, id: identifiers(cut(start + 9, gt)), problem: undefined };
  }
  const close = s.indexOf(']', bracket);
  const end = close === -1 ? -1 : s.indexOf('>', close);
  if (end === -1)
    return { end: s.length, id: undefined, problem: 'unterminated DOCTYPE internal subset' };
  const subset = cut(bracket + 1, close);
  declareEntities(subset, ctx);
  return { end: end + 1, id: identifiers(cut(start + 9, bracket)), problem: undefined };
}

function identifiers(head: string): string | undefined {
  const quoted = head.match(/"[^"]*"|'[^']*'/g);
  return quoted ? quoted.map((q) => q.slice(1, -1)).join(' ') : undefined;
}

function declareEntities(subset: string, ctx: EntityContext): void {
  for (const match of subset.matchAll(ENTITY_DECL)) {
    const [, parameter, name, dq, sq] = match;
    if (parameter || !name || ctx.declared.has(name)) continue;
    const value = dq ?? sq;
    if (value === undefined) continue; // external: never resolved
    const expanded = decodeEntities(value, ctx);
    if (expanded.length > MAX_ENTITY_LENGTH) {
      ctx.malformed = true;
      continue;
    }
    ctx.declared.set(name, expanded);
  }
}
