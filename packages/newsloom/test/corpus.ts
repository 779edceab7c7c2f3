import type { ArticleRecord } from '../src/pipeline/ingest';

/** Two clearly different events reported by three outlets, plus a later follow-up. */
export const CORPUS: ArticleRecord[] = [
  {
    url: 'https://alpha.example/quake-1',
    outlet: 'Alpha News',
    title: 'Strong earthquake strikes northern Japan, tsunami warning issued',
    summary:
      'A magnitude 7.1 earthquake struck off the coast of northern Japan on Tuesday, and officials issued a tsunami warning for the Miyagi coastline. Residents were told to move to higher ground.',
    publishedAt: '2024-03-05T08:00:00Z',
  },
  {
    url: 'https://beta.example/japan-quake',
    outlet: 'Beta Times',
    title: 'Japan earthquake: tsunami warning after magnitude 7.1 quake off Miyagi',
    summary:
      'Japan issued a tsunami warning after a magnitude 7.1 earthquake struck off Miyagi in northern Japan. The quake shook buildings in Tokyo and residents moved to higher ground.',
    publishedAt: '2024-03-05T08:40:00Z',
  },
  {
    url: 'https://gamma.example/world/quake',
    outlet: 'Gamma Post',
    title: 'Magnitude 7.1 earthquake hits off northern Japan coast',
    summary:
      'An earthquake of magnitude 7.1 hit off the northern Japan coast near Miyagi, prompting a tsunami warning. Officials said there were no immediate reports of damage.',
    publishedAt: '2024-03-05T09:10:00Z',
  },
  {
    url: 'https://alpha.example/rates',
    outlet: 'Alpha News',
    title: 'European Central Bank holds interest rates steady at record high',
    summary:
      'The European Central Bank kept its key interest rates unchanged on Thursday, saying inflation in the euro zone is easing but remains too high. President Christine Lagarde said cuts were not yet discussed.',
    publishedAt: '2024-03-07T13:15:00Z',
  },
  {
    url: 'https://beta.example/ecb-rates',
    outlet: 'Beta Times',
    title: 'ECB leaves interest rates unchanged as euro zone inflation eases',
    summary:
      'The European Central Bank left interest rates unchanged at a record high on Thursday. Christine Lagarde said euro zone inflation is easing and rate cuts were not discussed.',
    publishedAt: '2024-03-07T13:45:00Z',
  },
];

/** A later article about the earthquake. */
export const FOLLOW_UP: ArticleRecord = {
  url: 'https://gamma.example/world/quake-update',
  outlet: 'Gamma Post',
  title: 'Japan lifts tsunami warning after magnitude 7.1 earthquake off Miyagi',
  summary:
    'Japan lifted the tsunami warning issued after the magnitude 7.1 earthquake off Miyagi in northern Japan. Residents who moved to higher ground returned home.',
  publishedAt: '2024-03-05T14:00:00Z',
};
