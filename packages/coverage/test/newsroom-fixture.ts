// A small hand-made newsroom whose every expected figure is worked out by hand in
// analyze-coverage.test.ts. Times are 2024-01-01 UTC.
import type { Article, Outlet, OutletAttribute, Story } from '@newsloom/core';
import { makeArticle, makeStory } from '@newsloom/testing';

const WIRE =
  'World leaders gathered on Thursday for a summit on climate change where the president pledged to ' +
  'cut emissions in half by the end of the decade, a goal that advisers described as ambitious but ' +
  'reachable if industry and households both shift to cleaner sources of energy over the next several ' +
  'years, according to officials who briefed reporters before the opening session began in the capital.';

const VOCABULARY = (
  'river council budget school harbour vaccine orchestra tariff glacier festival courtroom drought ' +
  'satellite pension museum railway election wildfire bakery stadium refinery lottery cathedral ' +
  'ferry vineyard senator library pipeline hospital airline carnival copper nursery parliament ' +
  'telescope marathon dockyard quarry embassy reservoir orchard tunnel archive theatre monsoon'
).split(' ');

/** Original reporting: 60 words drawn by a seeded generator, so no two texts share phrases. */
const OWN = (topic: string) => {
  let seed = [...topic].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const words: string[] = [];
  for (let i = 0; i < 60; i += 1) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    words.push(VOCABULARY[seed % VOCABULARY.length] as string);
  }
  return `${topic}: ${words.join(' ')}.`;
};

function lean(value: string): OutletAttribute {
  return { name: 'lean', value, source: 'ExampleRater', asOf: '2023-12-01' };
}

function outlet(id: string, extra: Partial<Outlet> = {}): Outlet {
  return { id: id as Outlet['id'], name: id, attributes: [], meta: {}, ...extra };
}

/** Outlets: two BBC feeds in one group, a wire, two local reprinters, three rated outlets. */
export const outlets: Outlet[] = [
  outlet('ap', { attributes: [lean('center')] }),
  outlet('bbc-news', { group: 'bbc', attributes: [lean('center')] }),
  outlet('bbc-world', { group: 'bbc', attributes: [lean('center')] }),
  outlet('cnn', { attributes: [lean('left')] }),
  outlet('fox', { attributes: [lean('right')] }),
  outlet('newsmax', { attributes: [lean('right')] }),
  outlet('small1'),
  outlet('small2'),
];

function article(id: string, outletId: string, time: string, text: string): Article {
  return makeArticle({
    id,
    url: `https://${outletId}.example/${id}`,
    outletId,
    title: `Headline ${id}`,
    text,
    publishedAt: `2024-01-01T${time}:00Z`,
  });
}

/** Articles by id. */
export const a = {
  a1: article('a1', 'ap', '10:00', WIRE),
  a2: article('a2', 'small1', '10:30', WIRE),
  a3: article('a3', 'small2', '10:45', `WASHINGTON (AP) — ${WIRE}`),
  a4: article('a4', 'cnn', '11:00', OWN('Climate')),
  a5: article('a5', 'fox', '09:30', OWN('Energy')),
  b1: article('b1', 'bbc-news', '12:00', OWN('Royal visit')),
  b2: article('b2', 'bbc-world', '12:05', OWN('Royal tour')),
  c1: article('c1', 'cnn', '08:00', OWN('Markets')),
  c2: article('c2', 'fox', '08:00', OWN('Stocks')),
  c3: article('c3', 'ap', '09:00', OWN('Trading')),
  d1: article('d1', 'fox', '13:00', OWN('Border')),
  d2: article('d2', 'newsmax', '13:20', OWN('Frontier')),
  e1: article('e1', 'ap', '06:00', OWN('Storm')),
  e2: article('e2', 'small1', '06:10', OWN('Weather')),
  e3: article('e3', 'cnn', '07:00', OWN('Flooding')),
  loose: article('loose', 'cnn', '05:00', OWN('Unclustered')),
};

/** S1 wire story, S2 BBC-only, S3 tie, S4 right-only, S5 with given duplicate groups. */
export const stories: Story[] = [
  makeStory([a.a1, a.a2, a.a3, a.a4, a.a5], { id: 'S1' }),
  makeStory([a.b1, a.b2], { id: 'S2' }),
  makeStory([a.c1, a.c2, a.c3], { id: 'S3' }),
  makeStory([a.d1, a.d2], { id: 'S4' }),
  makeStory([a.e1, a.e2, a.e3], { id: 'S5', duplicateGroups: [[a.e1.id, a.e2.id]] }),
];

/** Every article. */
export const articles: Article[] = Object.values(a);
