import {
  type Article,
  type Edition,
  EditionSchema,
  type Story,
  type StorySummaryInput,
} from '@newsloom/core';
import { makeArticle, makeStory, resetBuilders } from '@newsloom/testing';

/** A title planted in a feed to check that no script from a feed ever runs. */
export const PLANTED_TITLE =
  'Hostile <script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"> title';

function summaryOf(
  story: Story,
  articles: readonly Article[],
  headline: string,
): StorySummaryInput {
  const [first, second] = articles;
  if (!first || !second) throw new Error('need two articles');
  const provenance = (a: Article) => ({
    articleId: a.id,
    field: 'title' as const,
    start: 0,
    end: 5,
    support: [],
  });
  return {
    storyId: story.id,
    headline,
    articleCount: story.articleIds.length,
    updatedAt: story.updatedAt,
    sections: [
      {
        heading: 'What happened',
        sentences: [
          {
            text: 'Leaders met in Paris to agree a climate plan.',
            citations: [1],
            provenance: provenance(first),
          },
          {
            text: 'Both outlets report the same deal <b>today</b>.',
            citations: [1, 2],
            provenance: provenance(second),
          },
        ],
      },
    ],
    sources: articles.slice(0, 2).map((a, i) => ({
      n: i + 1,
      articleId: a.id,
      outletId: a.outletId,
      outletName: a.outletName,
      title: a.title,
      url: a.url,
      publishedAt: a.publishedAt,
    })),
    externalResources: [
      {
        url: 'https://unfccc.int/report.pdf',
        title: 'UN report',
        domain: 'unfccc.int',
        outletIds: [first.outletId],
        articleIds: [first.id],
      },
    ],
  };
}

/**
 * A small edition: a two-outlet story with a hostile feed title, a storyline child and a
 * single-outlet story, with a feed in error.
 */
export function buildSampleEdition(): Edition {
  resetBuilders();
  const a1 = makeArticle({
    outlet: 'Alpha News',
    url: 'https://alpha.example/1',
    title: 'Climate deal agreed in Paris',
    publishedAt: '2024-01-02T10:00:00Z',
  });
  const a2 = makeArticle({
    outlet: 'Beta Times',
    url: 'https://beta.example/1',
    title: PLANTED_TITLE,
    publishedAt: '2024-01-02T12:00:00Z',
  });
  const a3 = makeArticle({
    outlet: 'Alpha News',
    url: 'https://alpha.example/2',
    title: 'Climate deal: what comes next',
    publishedAt: '2024-01-03T09:00:00Z',
  });
  const a4 = makeArticle({
    outlet: 'Gamma Post',
    url: 'javascript:alert(1)',
    title: 'Only Gamma has this',
    publishedAt: '2024-01-03T11:00:00Z',
  });
  const main = makeStory([a1, a2], { aliases: ['s-merged-away'] });
  const child = makeStory([a3], { parentId: main.id });
  const lone = makeStory([a4], { relatedIds: [main.id] });
  return EditionSchema.parse({
    generatedAt: '2024-01-04T00:00:00Z',
    title: 'Test edition',
    outlets: ['Alpha News', 'Beta Times', 'Gamma Post'].map((name) => ({
      id: name.toLowerCase().replace(' ', '-'),
      name,
    })),
    feeds: [
      {
        id: 'f-1',
        url: 'https://alpha.example/feed.xml',
        outletId: 'alpha-news',
        title: 'Alpha',
        lastFetchedAt: '2024-01-03T12:00:00Z',
        lastStatus: 200,
        lastItemCount: 2,
      },
      {
        id: 'f-2',
        url: 'https://beta.example/rss',
        outletId: 'beta-times',
        lastError: 'HTTP 500 <b>oops</b>',
        lastStatus: 500,
        consecutiveFailures: 1,
      },
    ],
    articles: [a1, a2, a3, a4],
    stories: [main, child, lone],
    summaries: [summaryOf(main, [a1, a2], 'Leaders agree climate deal')],
    coverage: {
      window: {},
      topHeadlines: [
        { storyId: main.id, rank: 1, score: 2.5, components: { breadth: 2, recency: 0.5 } },
        { storyId: lone.id, rank: 2, score: 1, components: { breadth: 1 } },
      ],
      minorityReports: [
        {
          storyId: lone.id,
          outletIds: ['gamma-post'],
          breadth: 1,
          score: 0.9,
          components: { breadth: 1 },
        },
      ],
      uniqueByOutlet: [
        {
          outletId: 'gamma-post',
          exclusiveStoryIds: [lone.id],
          storyCount: 1,
          exclusivity: 1,
          firstReports: 1,
          meanLeadMinutes: null,
        },
      ],
      matrix: [],
    },
  });
}
