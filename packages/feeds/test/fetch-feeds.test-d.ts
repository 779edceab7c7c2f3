import type { Feed, FeedInput } from '@newsloom/core';
import { expectTypeOf, test } from 'vitest';
import type {
  FetchFeedOptions,
  FetchFeedResult,
  FetchFeedsOptions,
  fetchFeeds,
  HostLimits,
  PollerOptions,
} from '../src/index';

test('fetchFeeds: feeds in, one result per feed out, the poller host limits shared', () => {
  expectTypeOf<typeof fetchFeeds>().toEqualTypeOf<
    (
      feeds: readonly (Feed | FeedInput)[],
      options?: FetchFeedsOptions,
    ) => Promise<FetchFeedResult[]>
  >();
  expectTypeOf<HostLimits>().toEqualTypeOf<{
    concurrency?: number;
    perHostConcurrency?: number;
    minHostIntervalMs?: number;
  }>();
  expectTypeOf<FetchFeedsOptions>().toMatchTypeOf<HostLimits>();
  expectTypeOf<PollerOptions>().toMatchTypeOf<HostLimits>();
  expectTypeOf<FetchFeedsOptions['onResult']>().toEqualTypeOf<
    ((result: FetchFeedResult, index: number) => void | Promise<void>) | undefined
  >();
  expectTypeOf<FetchFeedsOptions['fetchFeed']>().toEqualTypeOf<
    ((feed: Feed, options: FetchFeedOptions) => Promise<FetchFeedResult>) | undefined
  >();
  expectTypeOf<NonNullable<FetchFeedsOptions['fetchOptions']>>().toEqualTypeOf<
    Omit<FetchFeedOptions, 'signal' | 'clock' | 'outlet'>
  >();
  expectTypeOf<FetchFeedOptions['allowPrivateNetwork']>().toEqualTypeOf<boolean | undefined>();
});
