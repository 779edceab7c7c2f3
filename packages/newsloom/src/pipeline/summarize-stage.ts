import type { Article, Diagnostic, Story, StoryId, StorySummary } from '@newsloom/core';
import { type PipelineContext, throwIfAborted } from './context';
import type { SummaryJob } from './extractive';
import { pendingOf, storyKey } from './pending';
import { clearPendingKeys } from './pending-commit';
import type { SummaryRunner } from './summarize-pool';
import { chooseRunner, WINDOW_ARTICLES } from './summarize-runner';

/** What `Pipeline.summarize` did. */
export interface SummarizeStageResult {
  /** Stories (re)summarised in this run. */
  summarized: number;
  /** Stories due whose summary was already current (same members and update time). */
  unchanged: number;
  /** Stories where the model failed and the extractive summary was used instead. */
  diagnostics: Diagnostic[];
}

/**
 * Due story ids read (stories and their summaries) at a time: what the stage holds does not grow
 * with the run (a full digest of 1M articles has ~370k due stories).
 */
const DUE_CHUNK = 2000;

/** A summary is current when written for the story's members and update time. */
function isStale(story: Story, summary: StorySummary | undefined): boolean {
  if (
    !summary ||
    summary.articleCount !== story.articleIds.length ||
    summary.updatedAt !== story.updatedAt
  ) {
    return true;
  }
  const members = new Set<string>(story.articleIds);
  return summary.sources.some((source) => !members.has(source.articleId));
}

/** Stale stories of about {@link WINDOW_ARTICLES} member articles, with their last summaries. */
interface StaleWindow {
  stories: Story[];
  previous: Map<string, StorySummary>;
  /** Due ids checked once this window is done (for progress). */
  checked: number;
}

/** What reading the due stories found: each story's content key (for the pending list), counts. */
interface DueTally {
  /** Due id → the content key of the story it names (undefined: no story holds it now). */
  keys: Map<string, string | undefined>;
  stale: number;
  unchanged: number;
}

/**
 * The due stories, {@link DUE_CHUNK} ids at a time, the stale ones in windows: what the stage
 * holds is bounded whatever the number of due stories. A story reached through two ids (a
 * merge) is taken once; a summary is looked up only under a due id, as a story's "previous".
 */
async function* staleWindows(
  context: PipelineContext,
  ids: readonly StoryId[],
  tally: DueTally,
): AsyncGenerator<StaleWindow> {
  const due = new Set<string>(ids);
  let window: StaleWindow = { stories: [], previous: new Map(), checked: 0 };
  let size = 0;
  for (let start = 0; start < ids.length; start += DUE_CHUNK) {
    throwIfAborted(context.signal);
    const chunk = ids.slice(start, start + DUE_CHUNK);
    const stories = (await context.store.getStories({ ids: chunk })).filter(
      (story) => !tally.keys.has(story.id) || tally.keys.get(story.id) === undefined,
    );
    const summaryIds = stories.flatMap((story) => (due.has(story.id) ? [story.id] : []));
    const summaries = new Map(
      (await context.store.getSummaries(summaryIds)).map((s) => [s.storyId, s]),
    );
    for (const id of chunk) if (!tally.keys.has(id)) tally.keys.set(id, undefined);
    for (const story of stories) {
      tally.keys.set(story.id, storyKey(story));
      const summary = summaries.get(story.id);
      if (!isStale(story, summary)) {
        tally.unchanged += 1;
        continue;
      }
      tally.stale += 1;
      window.stories.push(story);
      if (summary) window.previous.set(story.id, summary);
      size += story.articleIds.length;
      if (size >= WINDOW_ARTICLES) {
        yield { ...window, checked: Math.min(ids.length, start + chunk.length) };
        window = { stories: [], previous: new Map(), checked: 0 };
        size = 0;
      }
    }
  }
  if (window.stories.length > 0) yield { ...window, checked: ids.length };
}

/**
 * A window's jobs: its stories with their members in story order, read by id (never the
 * archive).
 */
async function jobsOf(context: PipelineContext, window: StaleWindow): Promise<SummaryJob[]> {
  const ids = [...new Set(window.stories.flatMap((story) => story.articleIds))];
  const articles = new Map<string, Article>(
    (await context.store.getArticlesByIds(ids)).map((article) => [article.id, article]),
  );
  return window.stories.flatMap((story) => {
    const members = story.articleIds.flatMap((id) => articles.get(id) ?? []);
    if (members.length === 0) return [];
    return [{ story, articles: members, previous: window.previous.get(story.id) }];
  });
}

/** A window handed to the runner, whose summaries are saved once answered. */
interface Submitted {
  window: StaleWindow;
  answers: Promise<StorySummary[]>;
}

function submit(runner: SummaryRunner, window: StaleWindow, jobs: SummaryJob[]): Submitted {
  const answers = runner.run(jobs);
  // Awaited in turn; a failure while an earlier window is awaited must not go unhandled.
  answers.catch(() => undefined);
  return { window, answers };
}

async function saveAnswers(context: PipelineContext, done: Submitted, total: number) {
  const summaries = await done.answers;
  throwIfAborted(context.signal);
  if (summaries.length > 0) await context.store.saveSummaries(summaries);
  const last = done.window.stories.at(-1);
  const subject = last ? { subject: last.id } : {};
  context.onProgress({ stage: 'summarize', done: done.window.checked, total, ...subject });
}

/**
 * Summarises the windows and saves each as it is answered. Window k+1 is read and handed to the
 * runner before window k's summaries are awaited and saved: the worker threads always have the
 * next window queued while this thread reads and writes.
 */
async function summarizeWindows(
  context: PipelineContext,
  windows: AsyncGenerator<StaleWindow>,
  total: number,
  diagnostics: Diagnostic[],
): Promise<void> {
  const first = await windows.next();
  if (first.done) return;
  // The second window (if any) tells a large run from a small one before the runner starts.
  const second = await windows.next();
  const members = (w: StaleWindow) => w.stories.reduce((n, s) => n + s.articleIds.length, 0);
  const memberCount = members(first.value) + (second.done ? 0 : members(second.value));
  const outlets = await context.store.listOutlets();
  const runner = chooseRunner(context, outlets, { memberCount, more: !second.done }, diagnostics);
  try {
    let inFlight = submit(runner, first.value, await jobsOf(context, first.value));
    const rest = second.done ? [] : [second.value];
    for await (const window of prepend(rest, windows)) {
      throwIfAborted(context.signal);
      const next = submit(runner, window, await jobsOf(context, window));
      await saveAnswers(context, inFlight, total);
      inFlight = next;
    }
    await saveAnswers(context, inFlight, total);
  } finally {
    await runner.close();
  }
}

async function* prepend<T>(head: readonly T[], tail: AsyncGenerator<T>): AsyncGenerator<T> {
  yield* head;
  yield* tail;
}

/**
 * Summarises the stories whose summaries are due — `storyIds` when the caller just clustered,
 * else those the pipeline state lists as pending — reading them in chunks and only their
 * members (by id), skipping a story whose summary is current. Saves in batches, then clears the
 * stories it summarised from the pending list (a story changed meanwhile stays pending).
 * @example const { summarized } = await summarizeStaleStories(context)
 */
export async function summarizeStaleStories(
  context: PipelineContext,
  storyIds?: readonly StoryId[],
): Promise<SummarizeStageResult> {
  const ids = storyIds ?? (await pendingStoryIds(context));
  if (ids.length === 0) return { summarized: 0, unchanged: 0, diagnostics: [] };
  const tally: DueTally = { keys: new Map(), stale: 0, unchanged: 0 };
  const diagnostics: Diagnostic[] = [];
  await summarizeWindows(context, staleWindows(context, ids, tally), ids.length, diagnostics);
  await clearPendingKeys(context, tally.keys);
  return { summarized: tally.stale, unchanged: tally.unchanged, diagnostics };
}

async function pendingStoryIds(context: PipelineContext): Promise<StoryId[]> {
  return Object.keys(pendingOf(await context.store.loadPipelineState())) as StoryId[];
}
