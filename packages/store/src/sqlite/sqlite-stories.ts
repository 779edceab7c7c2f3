import { type Story, StorySchema, type UpsertCounts } from '@newsloom/core';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { canonicalJson, sortableTime, storyChangedAt } from '../shared/canonical';
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

/** Story, membership, history and alias statements of one SQLite connection. */
export function createSqliteStories(db: Database) {
  const selectDoc = db.prepare<[string], DocRow>('SELECT id, doc FROM stories WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO stories (id, created_at, updated_at, changed_at, parent_id, doc)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE stories SET created_at = ?, updated_at = ?, changed_at = ?, parent_id = ?, doc = ?
     WHERE id = ?`,
  );
  const deleteMembers = db.prepare('DELETE FROM story_members WHERE story_id = ?');
  const insertMember = db.prepare(
    'INSERT INTO story_members (story_id, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );
  const deleteEvents = db.prepare('DELETE FROM story_events WHERE story_id = ?');
  const insertEvent = db.prepare(
    'INSERT INTO story_events (story_id, seq, type, at, other_id, article_ids) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const deleteStory = db.prepare('DELETE FROM stories WHERE id = ?');
  const deleteAlias = db.prepare('DELETE FROM story_aliases WHERE alias_id = ?');
  const insertAlias = db.prepare('INSERT INTO story_aliases (alias_id, story_id) VALUES (?, ?)');
  const repoint = db.prepare('UPDATE story_aliases SET story_id = ? WHERE story_id = ?');
  const aliasTarget = db.prepare<[string], { story_id: string }>(
    'SELECT story_id FROM story_aliases WHERE alias_id = ?',
  );

  function writeChildren(story: Story): void {
    deleteMembers.run(story.id);
    for (const articleId of story.articleIds) insertMember.run(story.id, articleId);
    deleteEvents.run(story.id);
    story.history.forEach((event, seq) => {
      insertEvent.run(
        story.id,
        seq,
        event.type,
        sortableTime(event.at),
        event.other ?? null,
        JSON.stringify(event.articleIds),
      );
    });
    deleteAlias.run(story.id);
    for (const alias of story.aliases) {
      if (alias === story.id) continue;
      deleteStory.run(alias);
      repoint.run(story.id, alias);
      deleteAlias.run(alias);
      insertAlias.run(alias, story.id);
    }
  }

  function upsertOne(story: Story, counts: UpsertCounts): void {
    const doc = canonicalJson(story);
    const existing = selectDoc.get(story.id);
    if (existing?.doc === doc) {
      counts.unchanged += 1;
      return;
    }
    const times = [
      sortableTime(story.createdAt),
      sortableTime(story.updatedAt),
      storyChangedAt(story),
    ];
    if (existing === undefined) {
      insert.run(story.id, ...times, story.parentId ?? null, doc);
      counts.inserted += 1;
    } else {
      update.run(...times, story.parentId ?? null, doc, story.id);
      counts.updated += 1;
    }
    writeChildren(story);
  }

  const upsertBatch = db.transaction((stories: readonly Story[]): UpsertCounts => {
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    for (const story of stories) upsertOne(story, counts);
    return counts;
  });

  function resolve(id: string): string | undefined {
    if (selectDoc.get(id) !== undefined) return id;
    return aliasTarget.get(id)?.story_id;
  }

  function getById(id: string): Story | undefined {
    const row = selectDoc.get(id);
    return row === undefined ? undefined : decodeStory(row);
  }

  return {
    upsert: (stories: readonly Story[]) => upsertBatch.immediate(stories),
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
