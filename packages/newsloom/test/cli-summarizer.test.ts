// The config's `summarizer: { kind: "chat", … }` reaches @newsloom/summarize's chat summariser:
// a real OpenAI-compatible server on 127.0.0.1 receives the story and its answer is used.

import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { stringifyJsonl } from '@newsloom/core';
import { afterAll, expect, it } from 'vitest';
import { runCli, tempDir } from './cli-helpers';
import { CORPUS } from './corpus';

/** A sentence of the first quake article: supported when the model cites it. */
const QUAKE_SENTENCE =
  'A magnitude 7.1 earthquake struck off the coast of northern Japan on Tuesday, and officials issued a tsunami warning for the Miyagi coastline.';

const requests: { model: string; authorization: string | undefined }[] = [];
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => {
    body += chunk.toString();
  });
  request.on('end', () => {
    requests.push({ model: JSON.parse(body).model, authorization: request.headers.authorization });
    const draft = {
      headline: 'Model headline from the chat server',
      sections: [
        { heading: 'What happened', sentences: [{ text: QUAKE_SENTENCE, citations: [1] }] },
      ],
    };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ choices: [{ message: { content: JSON.stringify(draft) } }] }));
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('digest summarises with the configured chat model', async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const cwd = tempDir('newsloom-chat-');
  writeFileSync(join(cwd, 'articles.jsonl'), stringifyJsonl(CORPUS));
  const summarizer = {
    kind: 'chat',
    baseUrl: `http://127.0.0.1:${port}/v1`,
    model: 'test-model',
    apiKey: 'k-123',
    maxRetries: 0,
  };
  writeFileSync(join(cwd, 'newsloom.config.json'), JSON.stringify({ summarizer }));
  expect((await runCli(cwd, ['ingest', '--jsonl', 'articles.jsonl'])).code).toBe(0);
  const digest = await runCli(cwd, ['digest', '--all']);
  expect(digest.code, digest.stderr).toBe(0);
  expect(requests.length).toBeGreaterThan(0);
  expect(requests[0]).toEqual({ model: 'test-model', authorization: 'Bearer k-123' });
  const edition = JSON.parse(readFileSync(join(cwd, 'out', 'edition.json'), 'utf8'));
  // Verified by summarizeWithModel: the supported model sentence is kept as model text.
  const sentences = edition.summaries.flatMap((s: { sections: { sentences: unknown[] }[] }) =>
    s.sections.flatMap((section) => section.sentences),
  );
  expect(sentences).toContainEqual(
    expect.objectContaining({
      text: QUAKE_SENTENCE,
      provenance: expect.objectContaining({ method: 'model' }),
    }),
  );
});

it('refuses a chat summariser config with a typo, naming the key', async () => {
  const cwd = tempDir('newsloom-chat-');
  const summarizer = { kind: 'chat', baseUrl: 'http://127.0.0.1:1/v1', modle: 'x' };
  writeFileSync(join(cwd, 'newsloom.config.json'), JSON.stringify({ summarizer }));
  const run = await runCli(cwd, ['digest']);
  expect(run.code).toBe(3);
  expect(run.stderr).toMatch(/unknown key "summarizer\.modle": did you mean "summarizer\.model"\?/);
});
