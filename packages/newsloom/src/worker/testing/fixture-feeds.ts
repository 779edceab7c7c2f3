// Feeds written by us for the worker tests and benchmark: deterministic articles about a few
// dozen topics (so the clusterer forms real stories), spread over many feeds and hosts.

const TOPICS = [
  ['harbour', 'bridge', 'collapse', 'ferry', 'engineers'],
  ['drought', 'reservoir', 'farmers', 'rationing', 'wells'],
  ['election', 'ballots', 'recount', 'mayor', 'district'],
  ['vaccine', 'clinic', 'trial', 'dosage', 'nurses'],
  ['wildfire', 'evacuation', 'smoke', 'firefighters', 'ridge'],
  ['railway', 'strike', 'union', 'commuters', 'wages'],
  ['museum', 'painting', 'theft', 'curator', 'gallery'],
  ['satellite', 'launch', 'orbit', 'rocket', 'telescope'],
  ['tariff', 'exports', 'steel', 'negotiators', 'summit'],
  ['flood', 'river', 'levee', 'rescue', 'sandbags'],
  ['earthquake', 'tremor', 'aftershock', 'rubble', 'seismologists'],
  ['football', 'final', 'stadium', 'penalty', 'coach'],
  ['bank', 'interest', 'inflation', 'lenders', 'mortgage'],
  ['school', 'teachers', 'curriculum', 'pupils', 'exams'],
  ['hospital', 'surgeons', 'waiting', 'beds', 'emergency'],
  ['volcano', 'eruption', 'ash', 'flights', 'lava'],
] as const;

const FILLER = ['officials', 'said', 'on', 'residents', 'reported', 'after', 'new', 'local'];

/** One fixture article as an RSS item. */
export interface FixtureItem {
  id: string;
  title: string;
  description: string;
  publishedAt: string;
}

/** Deterministic pseudo-random numbers (LCG) so every run serves the same feeds. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `count` articles, each about one topic, published one minute apart from 2026-01-05.
 * @example fixtureItems(100)[0].title
 */
export function fixtureItems(count: number, seed = 7): FixtureItem[] {
  const next = random(seed);
  const base = Date.UTC(2026, 0, 5);
  return Array.from({ length: count }, (_, n) => {
    const topic = TOPICS[Math.floor(next() * TOPICS.length)] ?? TOPICS[0];
    const pick = () => topic[Math.floor(next() * topic.length)] ?? topic[0];
    const filler = () => FILLER[Math.floor(next() * FILLER.length)] ?? 'news';
    const words = [pick(), pick(), filler(), pick(), filler(), pick()];
    return {
      id: `a${n}`,
      title: `${words.join(' ')} ${n}`,
      description: `${topic.join(' ')} ${filler()} ${pick()} ${filler()} ${pick()}.`,
      publishedAt: new Date(base + n * 60_000).toISOString(),
    };
  });
}

/** Escapes text for XML. */
function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An RSS 2.0 document of `items`, their links on `origin`. */
export function rssOf(title: string, origin: string, items: readonly FixtureItem[]): string {
  const entries = items
    .map(
      (item) => `<item><title>${xml(item.title)}</title><link>${origin}/articles/${item.id}</link>
<guid>${origin}/articles/${item.id}</guid><pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>
<description>${xml(item.description)}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${xml(title)}</title><link>${origin}/</link>
<description>fixture feed</description>
${entries}
</channel></rss>`;
}
