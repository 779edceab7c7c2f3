import type {
  Article,
  ArticleId,
  ArticleStore,
  ClusterRunCommit,
  PipelineState,
  QuarantineEntry,
  SequencedArticleKeys,
  SequencedArticles,
  UpsertCounts,
} from '@newsloom/core';
import { expectTypeOf, test } from 'vitest';
import type { MaybePromise, StoreBackend } from '../src/shared/backend';
import type { NewsloomStore } from '../src/shared/types';

test('the ArticleStore port: incremental reads, state commits, quarantine', () => {
  expectTypeOf<ArticleStore['readArticlesAfter']>().toEqualTypeOf<
    (sequence: number, limit: number) => Promise<SequencedArticles>
  >();
  expectTypeOf<SequencedArticles>().toEqualTypeOf<{ articles: Article[]; lastSequence: number }>();
  expectTypeOf<ArticleStore['readArticleKeysAfter']>().toEqualTypeOf<
    (sequence: number, limit: number) => Promise<SequencedArticleKeys>
  >();
  expectTypeOf<SequencedArticleKeys>().toEqualTypeOf<{
    keys: { id: ArticleId; publishedAt: string }[];
    lastSequence: number;
  }>();
  expectTypeOf<ArticleStore['latestSequence']>().toEqualTypeOf<() => Promise<number>>();
  expectTypeOf<ArticleStore['getArticlesByIds']>().toEqualTypeOf<
    (ids: readonly ArticleId[]) => Promise<Article[]>
  >();
  expectTypeOf<ArticleStore['loadPipelineState']>().toEqualTypeOf<
    () => Promise<PipelineState | undefined>
  >();
  expectTypeOf<ArticleStore['readPipelineRevision']>().toEqualTypeOf<
    () => Promise<{ revision: number; watermark: number } | undefined>
  >();
  expectTypeOf<ArticleStore['commitClusterRun']>().toEqualTypeOf<
    (run: ClusterRunCommit) => Promise<UpsertCounts>
  >();
  expectTypeOf<ClusterRunCommit['expectedRevision']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<ArticleStore['listQuarantined']>().toEqualTypeOf<() => Promise<QuarantineEntry[]>>();
  expectTypeOf<NewsloomStore>().toExtend<ArticleStore>();
});

test('the pipeline state and quarantine types', () => {
  expectTypeOf<PipelineState['schemaVersion']>().toEqualTypeOf<1>();
  expectTypeOf<PipelineState['revision']>().toEqualTypeOf<number>();
  expectTypeOf<PipelineState['clusterer']>().toEqualTypeOf<unknown>();
  expectTypeOf<QuarantineEntry['reason']>().toEqualTypeOf<
    'too-late' | 'future' | 'before-epoch' | 'invalid'
  >();
});

test('an engine may answer synchronously or with a promise', () => {
  expectTypeOf<ReturnType<StoreBackend['latestSequence']>>().toEqualTypeOf<MaybePromise<number>>();
  expectTypeOf<ReturnType<StoreBackend['commitClusterRun']>>().toEqualTypeOf<
    UpsertCounts | Promise<UpsertCounts>
  >();
  expectTypeOf<ReturnType<StoreBackend['close']>>().toEqualTypeOf<void | Promise<void>>();
});
