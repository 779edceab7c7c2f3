import type { Story, UpsertCounts } from '@newsloom/core';
import { canonicalJson, sortableTime, storyChangedAt } from '@newsloom/store';
import type { Queryable } from './connection';

/**
 * Upserts stories on a client inside a transaction, as SQLite does: a changed story replaces
 * its membership and history rows and absorbs the stories named in its `aliases`.
 */
export async function upsertStoriesOn(
  client: Queryable,
  stories: readonly Story[],
): Promise<UpsertCounts> {
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  if (stories.length === 0) return counts;
  const existing = await client.query<{ id: string; doc: string }>(
    'SELECT id, doc FROM stories WHERE id = ANY($1::text[])',
    [stories.map((s) => s.id)],
  );
  const docs = new Map(existing.rows.map((row) => [row.id, row.doc]));
  for (const story of stories) {
    const doc = canonicalJson(story);
    const before = docs.get(story.id);
    if (before === doc) {
      counts.unchanged += 1;
      continue;
    }
    await client.query(
      `INSERT INTO stories (id, created_at, updated_at, changed_at, parent_id, doc)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at,
         updated_at = excluded.updated_at, changed_at = excluded.changed_at,
         parent_id = excluded.parent_id, doc = excluded.doc`,
      [
        story.id,
        sortableTime(story.createdAt),
        sortableTime(story.updatedAt),
        storyChangedAt(story),
        story.parentId ?? null,
        doc,
      ],
    );
    if (before === undefined) counts.inserted += 1;
    else counts.updated += 1;
    docs.set(story.id, doc);
    await writeChildren(client, story);
    for (const alias of story.aliases) if (alias !== story.id) docs.delete(alias);
  }
  return counts;
}

async function writeChildren(client: Queryable, story: Story): Promise<void> {
  await client.query('DELETE FROM story_members WHERE story_id = $1', [story.id]);
  await client.query(
    `INSERT INTO story_members (story_id, article_id)
     SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
    [story.id, story.articleIds],
  );
  await client.query('DELETE FROM story_events WHERE story_id = $1', [story.id]);
  if (story.history.length > 0) {
    await client.query(
      `INSERT INTO story_events (story_id, seq, type, at, other_id, article_ids)
       SELECT $1, u.seq - 1, u.type, u.at, u.other_id, u.article_ids
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])
         WITH ORDINALITY AS u(type, at, other_id, article_ids, seq)`,
      [
        story.id,
        story.history.map((e) => e.type),
        story.history.map((e) => sortableTime(e.at)),
        story.history.map((e) => e.other ?? null),
        story.history.map((e) => JSON.stringify(e.articleIds)),
      ],
    );
  }
  await client.query('DELETE FROM story_aliases WHERE alias_id = $1', [story.id]);
  for (const alias of story.aliases) {
    if (alias === story.id) continue;
    await client.query('DELETE FROM stories WHERE id = $1', [alias]);
    await client.query('UPDATE story_aliases SET story_id = $1 WHERE story_id = $2', [
      story.id,
      alias,
    ]);
    await client.query(
      `INSERT INTO story_aliases (alias_id, story_id) VALUES ($1, $2)
       ON CONFLICT (alias_id) DO UPDATE SET story_id = excluded.story_id`,
      [alias, story.id],
    );
  }
}
