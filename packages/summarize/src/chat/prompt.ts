import type { Article } from '@newsloom/core';
import { z } from 'zod';
import type { ResolvedChatOptions } from './options';

/** What the model must answer: the seed page's structure, citations as article numbers. */
const ChatDraftSchema = z.object({
  headline: z.string().min(1),
  sections: z
    .array(
      z.object({
        heading: z.string().min(1),
        sentences: z
          .array(
            z.object({
              text: z.string().min(1),
              citations: z.array(z.coerce.number().int().positive()).default([]),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});
/** A validated model answer. */
export type ChatDraft = z.infer<typeof ChatDraftSchema>;

const SYSTEM = [
  'You write neutral news summaries from numbered source articles. Answer with JSON only:',
  '{"headline": string, "sections": [{"heading": string, "sentences": [{"text": string, "citations": [number]}]}]}',
  'Rules:',
  '- headline: one neutral statement of the event in title case, at most 90 characters; no question, no quote, no outlet name, no "I", "we" or "you".',
  '- 2 to 5 sections; each heading is a short statement of 4 to 9 words with a verb and a name (e.g. "Seoul Pushes High-Level Talks With Beijing").',
  '- each section has 2 to 4 sentences; every sentence states only facts found in the articles it cites; citations are the article numbers [n] it comes from.',
  '- never invent numbers, names or quotations; copy figures and names exactly as the articles give them.',
  '- no opinions, no speculation, no sentence that needs a previous sentence to make sense.',
].join('\n');

/** One article as the prompt shows it: number, outlet, title, the opening of its text. */
function articleBlock(article: Article, n: number, maxChars: number): string {
  const body = (article.text ?? article.summary ?? '').replace(/\s+/g, ' ').trim();
  const cut = body.length > maxChars ? `${body.slice(0, maxChars)}…` : body;
  const outlet = article.outletName ?? article.outletId;
  return `[${n}] ${outlet} — ${article.title}\n${cut}`;
}

/**
 * The chat messages asking for a summary of `articles` (already in story order, at most
 * `maxArticles`): a system message with the structure and rules, a user message with the
 * numbered articles.
 *
 * @example
 * ```ts
 * chatMessages(articles, options, 12)[1]?.content.startsWith('Articles:'); // true
 * ```
 */
export function chatMessages(
  articles: readonly Article[],
  options: ResolvedChatOptions,
  maxSentences: number,
): { role: 'system' | 'user'; content: string }[] {
  const blocks = articles.map((a, i) => articleBlock(a, i + 1, options.maxArticleChars));
  const user = `Articles:\n\n${blocks.join('\n\n')}\n\nWrite the summary (at most ${maxSentences} sentences in all) as JSON.`;
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: user },
  ];
}

/**
 * Parses a model's answer: the JSON object in it (code fences and text around it ignored),
 * validated with {@link ChatDraftSchema}; a zod or syntax error is thrown as is.
 *
 * @example
 * ```ts
 * parseChatDraft('```json\n{"headline":"A","sections":[…]}\n```');
 * ```
 */
export function parseChatDraft(content: string): ChatDraft {
  const start = content.indexOf('{');
  const end = content.lastIndexOf('}');
  if (start < 0 || end <= start) throw new SyntaxError('the answer holds no JSON object');
  return ChatDraftSchema.parse(JSON.parse(content.slice(start, end + 1)));
}
