// Private test helpers shared by newsloom packages.
export {
  type CrashChild,
  type CrashOutcome,
  runCrashChild,
  writeCrashImportFile,
} from './crash-harness';
export { createFakeFetch, type FakeFetch, type FakeResponse } from './fake-fetch';
export { createFixedClock, type FixedClock } from './fixed-clock';
export { makeArticle, makeStory, resetBuilders } from './make-article';
export { seededRandom } from './seeded-random';
