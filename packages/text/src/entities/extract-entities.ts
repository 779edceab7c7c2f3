import { createRequire } from 'node:module';

type Compromise = typeof import('compromise').default;
// compromise takes about 0.3 s to load its lexicon: load it on first use, not on import, so
// packages that never tag entities (the clusterer) do not pay for it.
let tagger: Compromise | undefined;
function nlp(text: string): ReturnType<Compromise> {
  tagger ??= createRequire(import.meta.url)('compromise') as Compromise;
  return tagger(text);
}

/** Named entities of a text, by kind, cleaned and de-duplicated in order of first mention. */
export interface Entities {
  people: string[];
  places: string[];
  organizations: string[];
}

/** Options of {@link extractEntities}. */
export interface ExtractEntitiesOptions {
  /** Characters of the text to tag; compromise runs about 0.07 MB/s. Default 600 (title + lead). */
  maxChars?: number;
}

const HONORIFIC_RE =
  /^(?:president|sen\.?|senator|rep\.?|gov\.?|governor|mr\.?|mrs\.?|ms\.?|dr\.?|judge|gen\.?|secretary|prime minister|former|vice president|speaker)\s+/i;
// A final period stays on initialisms ("U.N.") and company suffixes ("Apple Inc.").
const ABBREVIATION_END_RE = /(?:\b\p{L}\.\p{L}\.|\b(?:Inc|Co|Corp|Ltd|Jr|Sr)\.)$/u;
const CACHE_LIMIT = 5_000;
const cache = new Map<string, Entities>();

/**
 * People, places and organisations in a text, through compromise's tagger, cleaned of
 * possessives, honorifics and surrounding punctuation. Only the first `maxChars` characters are
 * tagged (compromise is slow), and results are cached by text.
 *
 * @example
 * ```ts
 * extractEntities("President Joe Biden's team met Angela Merkel in New York.");
 * // { people: ['Joe Biden', 'Angela Merkel'], places: ['New York'], organizations: [] }
 * ```
 */
export function extractEntities(text: string, options: ExtractEntitiesOptions = {}): Entities {
  const input = text.slice(0, options.maxChars ?? 600);
  const hit = cache.get(input);
  if (hit) return hit;
  // Possessives confuse the tagger ("Joe Biden's" → "Joe"): drop them before tagging.
  const doc = nlp(input.replace(/(\p{L})['’]s\b/gu, '$1'));
  const entities: Entities = {
    people: clean(doc.people().out('array') as string[]),
    places: clean(doc.places().out('array') as string[]),
    organizations: clean(doc.organizations().out('array') as string[]),
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(input, entities);
  return entities;
}

/**
 * Cleans an entity mention: trims punctuation, possessive "'s" and honorifics ("President").
 *
 * @example
 * ```ts
 * cleanEntity("President Joe Biden's,"); // 'Joe Biden'
 * ```
 */
export function cleanEntity(mention: string): string {
  let out = mention.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '');
  out = out.replace(/['’]s?$/u, '').replace(HONORIFIC_RE, '');
  out = out.replace(/\s+/g, ' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '');
  return ABBREVIATION_END_RE.test(out) ? out : out.replace(/\.+$/, '');
}

function clean(mentions: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const mention of mentions) {
    const name = cleanEntity(mention);
    if (name.length < 2 || seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}
