import { type Story, StorySchema } from '@newsloom/core';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { sortableTime } from '../shared/canonical';
import { decodeRow } from '../shared/decode';
import { type StoryMembership, StoryMembershipSchema } from '../shared/membership';

interface DocRow {
  id: string;
  doc: string;
}

const ArticleIdsSchema = z.array(z.string());
const MEMBERS_SQL =
  'SELECT article_id AS v FROM story_members WHERE story_id = ? ORDER BY article_id';
const ALIASES_SQL = 'SELECT alias_id AS v FROM story_aliases WHERE story_id = ? ORDER BY alias_id';

/** Story reads of one SQLite connection: by id or alias, by time, membership and history. */
export function createSqliteStoryReads(db: Database) {
  const selectDoc = db.prepare<[string], DocRow>('SELECT id, doc FROM stories WHERE id = ?');
  const aliasTarget = db.prepare<[string], { story_id: string }>(
    'SELECT story_id FROM story_aliases WHERE alias_id = ?',
  );

  function resolve(id: string): string | undefined {
    if (selectDoc.get(id) !== undefined) return id;
    return aliasTarget.get(id)?.story_id;
  }

  function getById(id: string): Story | undefined {
    const row = selectDoc.get(id);
    return row === undefined ? undefined : decodeStory(row);
  }

  return {
    resolve,
    getById,
    /** Stories updated at or after `since` (all when undefined), in `updatedAt` then id order. */
    updatedSince(since: string | undefined, limit: number): Story[] {
      const where = since === undefined ? '' : 'WHERE updated_at >= ?';
      const params = since === undefined ? [limit] : [sortableTime(since), limit];
      return db
        .prepare<unknown[], DocRow>(
          `SELECT id, doc FROM stories ${where} ORDER BY updated_at, id LIMIT ?`,
        )
        .all(...params)
        .map(decodeStory);
    },
    changedSince(since: string): Story[] {
      return db
        .prepare<[string], DocRow>(
          'SELECT id, doc FROM stories WHERE changed_at >= ? ORDER BY changed_at, id',
        )
        .all(sortableTime(since))
        .map(decodeStory);
    },
    membership(id: string): StoryMembership | undefined {
      const storyId = resolve(id);
      const story = storyId === undefined ? undefined : getById(storyId);
      if (story === undefined) return undefined;
      const membership = {
        storyId: story.id,
        articleIds: column(db, MEMBERS_SQL, story.id),
        aliases: column(db, ALIASES_SQL, story.id),
        history: events(db, story.id),
      };
      return decodeRow(
        StoryMembershipSchema,
        JSON.stringify(membership),
        `story_members ${story.id}`,
      );
    },
  };
}

function column(db: Database, sql: string, param: string): string[] {
  return db
    .prepare<[string], { v: string }>(sql)
    .all(param)
    .map((row) => row.v);
}

interface EventRow {
  type: string;
  at: string;
  other_id: string | null;
  article_ids: string;
}

function events(db: Database, storyId: string): unknown[] {
  const rows = db
    .prepare<[string], EventRow>(
      'SELECT type, at, other_id, article_ids FROM story_events WHERE story_id = ? ORDER BY seq',
    )
    .all(storyId);
  return rows.map((row, seq) => ({
    type: row.type,
    at: row.at,
    articleIds: decodeRow(ArticleIdsSchema, row.article_ids, `story_events ${storyId}#${seq}`),
    ...(row.other_id === null ? {} : { other: row.other_id }),
  }));
}

function decodeStory(row: DocRow): Story {
  return decodeRow(StorySchema, row.doc, `stories ${row.id}`);
}
