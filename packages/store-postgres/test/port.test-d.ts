import type { NewsloomStore } from '@newsloom/store';
import { expectTypeOf, test } from 'vitest';
import {
  connectPostgresStore,
  migratePostgresStore,
  openPostgresStore,
  type PostgresStoreOptions,
} from '../src/index';

test('the PostgreSQL store is the same NewsloomStore as SQLite and memory', () => {
  expectTypeOf(openPostgresStore).returns.resolves.toEqualTypeOf<NewsloomStore>();
  expectTypeOf(connectPostgresStore).returns.toEqualTypeOf<NewsloomStore>();
  expectTypeOf(migratePostgresStore).returns.resolves.toEqualTypeOf<number>();
  expectTypeOf<PostgresStoreOptions>().toEqualTypeOf<{
    url: string;
    schema?: string;
    pool?: { max?: number };
  }>();
});
