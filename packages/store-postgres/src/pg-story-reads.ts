import { type Story, StorySchema } from '@newsloom/core';
import {
  decodeRow,
  type StoryMembership,
  StoryMembershipSchema,
  sortableTime,
} from '@newsloom/store';
import type pg from 'pg';
import { z } from 'zod';

interface DocRow {
  id: string;
  doc: string;
}

const ArticleIdsSchema = z.array(z.string());

/** Story reads of a PostgreSQL store: by id or alias, by time, membership and history. */
export function createPostgresStoryReads(pool: pg.Pool) {
  const stories = async (sql: string, params: unknown[]) =>
    (await pool.query<DocRow>(sql, params)).rows.map(decodeStory);
  async function resolve(id: string): Promise<string | undefined> {
    const result = await pool.query<{ id: string }>(
      `SELECT id FROM stories WHERE id = $1
       UNION ALL SELECT story_id FROM story_aliases WHERE alias_id = $1 LIMIT 1`,
      [id],
    );
    return result.rows[0]?.id;
  }
  async function getById(id: string): Promise<Story | undefined> {
    return (await stories('SELECT id, doc FROM stories WHERE id = $1', [id]))[0];
  }
  return {
    resolve,
    getById,
    updatedSince(since: string | undefined, limit: number): Promise<Story[]> {
      // LIMIT NULL is no limit.
      const params = [limit < 0 ? null : limit, since === undefined ? null : sortableTime(since)];
      return stories(
        `SELECT id, doc FROM stories WHERE $2::text IS NULL OR updated_at >= $2
         ORDER BY updated_at, id LIMIT $1`,
        params,
      );
    },
    changedSince: (since: string): Promise<Story[]> =>
      stories('SELECT id, doc FROM stories WHERE changed_at >= $1 ORDER BY changed_at, id', [
        sortableTime(since),
      ]),
    async membership(id: string): Promise<StoryMembership | undefined> {
      const storyId = await resolve(id);
      const story = storyId === undefined ? undefined : await getById(storyId);
      if (story === undefined) return undefined;
      const membership = {
        storyId: story.id,
        articleIds: await column(
          pool,
          'SELECT article_id AS v FROM story_members WHERE story_id = $1 ORDER BY article_id',
          story.id,
        ),
        aliases: await column(
          pool,
          'SELECT alias_id AS v FROM story_aliases WHERE story_id = $1 ORDER BY alias_id',
          story.id,
        ),
        history: await events(pool, story.id),
      };
      return decodeRow(
        StoryMembershipSchema,
        JSON.stringify(membership),
        `story_members ${story.id}`,
      );
    },
  };
}

async function column(pool: pg.Pool, sql: string, param: string): Promise<string[]> {
  return (await pool.query<{ v: string }>(sql, [param])).rows.map((row) => row.v);
}

interface EventRow {
  type: string;
  at: string;
  other_id: string | null;
  article_ids: string;
}

async function events(pool: pg.Pool, storyId: string): Promise<unknown[]> {
  const result = await pool.query<EventRow>(
    'SELECT type, at, other_id, article_ids FROM story_events WHERE story_id = $1 ORDER BY seq',
    [storyId],
  );
  return result.rows.map((row, seq) => ({
    type: row.type,
    at: row.at,
    articleIds: decodeRow(ArticleIdsSchema, row.article_ids, `story_events ${storyId}#${seq}`),
    ...(row.other_id === null ? {} : { other: row.other_id }),
  }));
}

function decodeStory(row: DocRow): Story {
  return decodeRow(StorySchema, row.doc, `stories ${row.id}`);
}
