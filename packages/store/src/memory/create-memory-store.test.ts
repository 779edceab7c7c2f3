import { testArticleStore } from '../conformance/index';
import { createMemoryStore } from './create-memory-store';

testArticleStore('memory', () => createMemoryStore());
