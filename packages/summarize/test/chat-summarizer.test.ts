import { isNewsloomError, StorySummarySchema } from '@newsloom/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createChatSummarizer, summarizeWithModel, verifyCitations } from '../src/index';
import { type ChatServer, type Reply, startChatServer } from './fixtures/chat-server';
import { transitArticles, transitStory } from './fixtures/transit-story';

const articles = transitArticles();
const story = transitStory(articles);

/** Sentences the transit articles support, with the prompt numbers of the articles saying them. */
const TRUE: { text: string; citations: number[] }[] = [
  {
    text: 'The Springfield city council approved a $42 million transit budget on Tuesday.',
    citations: [1],
  },
  {
    text: 'Mayor Ellen Ruiz said the plan would add 14 new bus routes by next summer.',
    citations: [1, 2],
  },
  {
    text: 'The measure passed 7-2 after a four-hour debate that drew more than 300 residents to City Hall.',
    citations: [1],
  },
  {
    text: 'Critics of the transit budget said the sales tax increase behind it was rejected by voters in 2022.',
    citations: [3],
  },
  {
    text: 'Council member Tom Avery voted against the plan, saying existing routes need repairs first.',
    citations: [3],
  },
  {
    text: 'Riders at the Main Street depot welcomed the news but worried about delays.',
    citations: [2],
  },
];

/** Invented sentences: numbers, names and quotations no article contains. */
function invented(i: number): { text: string; citations: number[] }[] {
  return [
    {
      text: `The council approved a $${51 + i} million transit budget on Tuesday.`,
      citations: [1],
    },
    {
      text: `Governor Maria Lopez and Senator Paul Becker attended the vote in Springfield.`,
      citations: [1],
    },
    {
      text: `"This is a historic day for every rider," Mayor Ellen Ruiz told ${100 + i} cheering supporters.`,
      citations: [2],
    },
    { text: `The plan will add ${30 + i} new bus routes by next summer.`, citations: [2] },
    {
      text: `Police arrested ${60 + i} protesters outside City Hall after the vote.`,
      citations: [1],
    },
    {
      text: `Transit director Karen Whitfield promised free fares for ${70 + i} days.`,
      citations: [3],
    },
  ];
}

const draft = (
  sections: { heading: string; sentences: { text: string; citations: number[] }[] }[],
) =>
  JSON.stringify({ headline: 'Springfield Council Approves $42 Million Transit Budget', sections });

const goodReply = (): Reply => ({
  kind: 'json',
  content: draft([
    { heading: 'Council Approves Transit Budget in 7-2 Vote', sentences: TRUE.slice(0, 3) },
    { heading: 'Critics Say Voters Rejected the Tax Increase', sentences: TRUE.slice(3) },
  ]),
});

let server: ChatServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const options = (s: ChatServer) => ({ baseUrl: s.baseUrl, model: 'test-model', retryDelayMs: 10 });

describe('createChatSummarizer against a chat-completions server on 127.0.0.1', () => {
  it('summarises with a well-behaved model: prompt, headers, JSON mode, citations, tokens', async () => {
    server = await startChatServer(() => goodReply());
    const model = createChatSummarizer({
      ...options(server),
      apiKey: 'sk-test',
      headers: { 'x-org': 'newsloom' },
    });
    const summary = await summarizeWithModel(story, articles, model);
    expect(StorySummarySchema.parse(summary)).toEqual(summary);
    expect(summary.method).toBe('chat:test-model');
    expect(summary.replacedSentences).toBe(0);
    expect(summary.headline).toBe('Springfield Council Approves $42 Million Transit Budget');
    expect(summary.sections.map((s) => s.sentences.length)).toEqual([3, 3]);
    expect(verifyCitations(summary, articles).ok).toBe(true);
    const request = server.requests[0];
    expect(request?.model).toBe('test-model');
    expect(request?.messages[1]?.content).toContain(
      '[3] Metro Times — Council backs transit expansion',
    );
    expect(server.headers[0]?.authorization).toBe('Bearer sk-test');
    expect(server.headers[0]?.['x-org']).toBe('newsloom');
    expect(model.usage()).toEqual({
      requests: 1,
      promptTokens: 100,
      completionTokens: 50,
      totalTokens: 150,
    });
  });

  it('publishes no unsupported sentence of a hallucinating model and counts every replacement', async () => {
    const RUNS = 20;
    server = await startChatServer((i) => {
      const lies = invented(i);
      return {
        kind: 'json',
        content: draft([
          {
            heading: 'Council Approves Budget',
            sentences: [...TRUE.slice(0, 2), ...lies.slice(0, 1)],
          },
          { heading: 'Vote Drew Residents', sentences: [...TRUE.slice(2, 4), ...lies.slice(1, 2)] },
          {
            heading: 'Critics Want Repairs',
            sentences: [...TRUE.slice(4, 6), ...lies.slice(2, 3)],
          },
          { heading: 'Police Arrest Protesters', sentences: lies.slice(3) },
        ]),
      };
    });
    const model = createChatSummarizer({ ...options(server), concurrency: 4 });
    const summaries = await Promise.all(
      Array.from({ length: RUNS }, () => summarizeWithModel(story, articles, model)),
    );
    const generated = server.requests.length * 12;
    const published = summaries.flatMap((s) => s.sections.flatMap((x) => x.sentences));
    const lies = new Set(
      Array.from({ length: RUNS }, (_, i) => invented(i).map((x) => x.text)).flat(),
    );
    expect(server.requests.length).toBe(RUNS);
    expect(generated).toBeGreaterThanOrEqual(200);
    expect(published.filter((s) => lies.has(s.text)).map((s) => s.text)).toEqual([]);
    for (const summary of summaries) expect(verifyCitations(summary, articles).ok).toBe(true);
    expect(summaries.reduce((n, s) => n + s.replacedSentences, 0)).toBe(RUNS * 6);
  });

  it('retries malformed JSON and then gives up with MODEL_OUTPUT_INVALID', async () => {
    server = await startChatServer((i) =>
      i === 0 ? { kind: 'json', content: '{"headline": "Cut' } : goodReply(),
    );
    const recovered = await summarizeWithModel(
      story,
      articles,
      createChatSummarizer(options(server)),
    );
    expect(recovered.replacedSentences).toBe(0);
    expect(server.requests.length).toBe(2);
    await server.close();
    server = await startChatServer(() => ({
      kind: 'json',
      content: '{"headline": "No sections"}',
    }));
    const model = createChatSummarizer({ ...options(server), maxRetries: 2 });
    const error = await summarizeWithModel(story, articles, model).catch((e: unknown) => e);
    expect(isNewsloomError(error, 'MODEL_OUTPUT_INVALID')).toBe(true);
    expect(server.requests.length).toBe(3);
    expect(model.usage().requests).toBe(3);
  });

  it('waits as long as a 429 Retry-After asks, not the shorter back-off', async () => {
    server = await startChatServer((i) =>
      i === 0
        ? { kind: 'status', status: 429, headers: { 'retry-after': '1' }, body: 'slow down' }
        : goodReply(),
    );
    const summary = await summarizeWithModel(
      story,
      articles,
      createChatSummarizer(options(server)),
    );
    expect(summary.sections.length).toBe(2);
    const [first = 0, second = 0] = server.arrivals;
    expect(second - first).toBeGreaterThanOrEqual(950);
  });

  it('backs off exponentially after 5xx and fails with FETCH_FAILED when retries are spent', async () => {
    server = await startChatServer(() => ({ kind: 'status', status: 503, body: 'loading model' }));
    const model = createChatSummarizer({ ...options(server), retryDelayMs: 100, maxRetries: 2 });
    const error = await model
      .summarize({ story, articles, maxSentences: 12 })
      .catch((e: unknown) => e);
    expect(isNewsloomError(error, 'FETCH_FAILED')).toBe(true);
    const [a = 0, b = 0, c = 0] = server.arrivals;
    expect(b - a).toBeGreaterThanOrEqual(90);
    expect(c - b).toBeGreaterThanOrEqual(190);
  });

  it('does not retry a 401 and says what to check', async () => {
    server = await startChatServer(() => ({ kind: 'status', status: 401, body: 'bad key' }));
    const error = await createChatSummarizer(options(server))
      .summarize({ story, articles, maxSentences: 12 })
      .catch((e: unknown) => e);
    expect(isNewsloomError(error, 'FETCH_FAILED')).toBe(true);
    expect((error as Error).message).toMatch(/HTTP 401.*apiKey/);
    expect(server.requests.length).toBe(1);
  });

  it('times out a stalled response and fails with TIMEOUT after its retries', async () => {
    server = await startChatServer(() => ({ kind: 'stall' }));
    const model = createChatSummarizer({ ...options(server), timeoutMs: 200, maxRetries: 1 });
    // The server never answers: without a working timeout this call would never settle and the
    // test would fail on vitest's own timeout. What is asserted is the behaviour (a TIMEOUT
    // error naming the configured limit, after exactly one retry), not elapsed time.
    const error = await model
      .summarize({ story, articles, maxSentences: 12 })
      .catch((e: unknown) => e);
    expect(isNewsloomError(error, 'TIMEOUT')).toBe(true);
    expect((error as Error).message).toMatch(/within 200 ms/);
    expect(server.requests.length).toBe(2);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    server = await startChatServer(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return goodReply();
    });
    const model = createChatSummarizer({ ...options(server), concurrency: 2 });
    await Promise.all(
      Array.from({ length: 6 }, () => model.summarize({ story, articles, maxSentences: 12 })),
    );
    expect(server.requests.length).toBe(6);
    expect(server.maxInFlight).toBe(2);
    expect(model.usage().totalTokens).toBe(900);
  });

  it('rejects invalid options with CONFIG_ERROR', () => {
    expect(() => createChatSummarizer({ baseUrl: 'not a url', model: 'm' })).toThrow(/baseUrl/);
    expect(() => createChatSummarizer({ baseUrl: 'http://127.0.0.1:1/v1', model: '' })).toThrow(
      /CONFIG|model/,
    );
  });
});
