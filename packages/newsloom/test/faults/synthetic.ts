// Synthetic news for the fault suite: articles about distinct events, each event covered by
// several outlets over a few hours, written by us (no dataset needed).
import { writeFileSync } from 'node:fs';
import { seededRandom } from '@newsloom/testing';

const TOPICS = [
  ['earthquake', 'tsunami', 'magnitude', 'coast', 'evacuation', 'seismic'],
  ['election', 'ballots', 'turnout', 'candidate', 'recount', 'polling'],
  ['wildfire', 'firefighters', 'acres', 'containment', 'smoke', 'evacuees'],
  ['inflation', 'prices', 'central', 'bank', 'interest', 'rates'],
  ['hurricane', 'landfall', 'winds', 'flooding', 'storm', 'surge'],
  ['vaccine', 'trial', 'efficacy', 'doses', 'approval', 'regulators'],
  ['strike', 'union', 'wages', 'workers', 'negotiations', 'walkout'],
  ['satellite', 'launch', 'rocket', 'orbit', 'mission', 'spacecraft'],
  ['merger', 'shareholders', 'acquisition', 'antitrust', 'deal', 'billion'],
  ['drought', 'reservoir', 'rationing', 'rainfall', 'farmers', 'crops'],
  ['protest', 'demonstrators', 'police', 'march', 'capital', 'crowd'],
  ['tournament', 'final', 'champion', 'goal', 'stadium', 'coach'],
];
const PLACES = ['Lisbon', 'Osaka', 'Denver', 'Nairobi', 'Quito', 'Tallinn', 'Perth', 'Accra'];
const OUTLETS = ['Alpha News', 'Beta Times', 'Gamma Post', 'Delta Wire', 'Epsilon Daily'];
const START = Date.UTC(2024, 2, 1);
const HOUR = 3_600_000;

const SYLLABLES = ['ka', 'mo', 'ru', 'zen', 'tal', 'vi', 'dor', 'pex', 'lun', 'sa', 'qui', 'bor'];

/** A made-up name unique to an event, so its articles share a rare word. */
function eventName(event: number): string {
  let name = '';
  let n = event + SYLLABLES.length;
  while (n > 0) {
    name += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** One synthetic article line (interchange form). */
export interface SyntheticArticle {
  id: string;
  url: string;
  outlet: string;
  title: string;
  summary: string;
  publishedAt: string;
}

/**
 * `count` articles: event `e` (a topic in a place) gets about five articles over six hours;
 * events follow each other every two hours, so the clusterer's window slides along.
 */
export function syntheticArticles(count: number, seed = 7): SyntheticArticle[] {
  const next = seededRandom(seed);
  const articles: SyntheticArticle[] = [];
  for (let n = 0; n < count; n += 1) {
    const event = Math.floor(n / 5);
    const words = TOPICS[event % TOPICS.length] ?? [];
    const place = PLACES[Math.floor(event / TOPICS.length) % PLACES.length] ?? 'Somewhere';
    const pick = () => words[Math.floor(next() * words.length)] ?? '';
    const time = START + event * 2 * HOUR + Math.floor(next() * 6 * HOUR);
    articles.push({
      id: `syn-${n}`,
      url: `https://news${n % OUTLETS.length}.example/${event}/${n}`,
      outlet: OUTLETS[n % OUTLETS.length] ?? 'Alpha News',
      title: `${eventName(event)} ${words[0]} in ${place}: ${pick()} ${pick()}`,
      summary: `Reports from ${place} on the ${eventName(event)} ${words[0]}: ${pick()} ${pick()} ${pick()}.`,
      publishedAt: new Date(time).toISOString(),
    });
  }
  return articles;
}

/** Writes articles as JSON Lines. */
export function writeJsonl(path: string, articles: readonly object[]): void {
  writeFileSync(path, `${articles.map((a) => JSON.stringify(a)).join('\n')}\n`);
}
