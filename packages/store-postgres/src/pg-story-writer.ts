import type { Story, UpsertCounts } from '@newsloom/core';
import { canonicalJson, sortableTime, storyChangedAt } from '@newsloom/store';
import type { Queryable } from './connection';

/**
 * Upserts stories on a client inside a transaction, as SQLite does: a changed story replaces
 * its membership and history rows and absorbs the stories named in its `aliases`. All changed
 * stories are written with a fixed number of statements (arrays through `unnest`), whatever
 * their count, so a cluster run touching thousands of stories commits in a few round trips.
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
  // The last version of each story in the batch is the one stored.
  const latest = new Map(stories.map((story) => [story.id as string, story]));
  const changed: Story[] = [];
  const changedDocs: string[] = [];
  for (const story of stories) {
    const doc = canonicalJson(story);
    const before = docs.get(story.id);
    if (before === doc) counts.unchanged += 1;
    else {
      if (before === undefined) counts.inserted += 1;
      else counts.updated += 1;
      docs.set(story.id, doc);
      if (latest.get(story.id) === story) {
        changed.push(story);
        changedDocs.push(doc);
      }
    }
  }
  if (changed.length > 0) await writeStories(client, changed, changedDocs);
  return counts;
}

/** Writes `stories` (their canonical JSON in `docs`, in the same order). */
async function writeStories(
  client: Queryable,
  stories: readonly Story[],
  docs: readonly string[],
): Promise<void> {
  const ids = stories.map((s) => s.id as string);
  await client.query(
    `INSERT INTO stories (id, created_at, updated_at, changed_at, parent_id, doc)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at,
       updated_at = excluded.updated_at, changed_at = excluded.changed_at,
       parent_id = excluded.parent_id, doc = excluded.doc`,
    [
      ids,
      stories.map((s) => sortableTime(s.createdAt)),
      stories.map((s) => sortableTime(s.updatedAt)),
      stories.map((s) => storyChangedAt(s)),
      stories.map((s) => s.parentId ?? null),
      docs,
    ],
  );
  await writeMembers(client, stories, ids);
  await writeEvents(client, stories, ids);
  await writeAliases(client, stories, ids);
}

async function writeMembers(client: Queryable, stories: readonly Story[], ids: string[]) {
  await client.query('DELETE FROM story_members WHERE story_id = ANY($1::text[])', [ids]);
  const pairs = stories.flatMap((s) => s.articleIds.map((a) => [s.id as string, a as string]));
  await client.query(
    `INSERT INTO story_members (story_id, article_id)
     SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
}

async function writeEvents(client: Queryable, stories: readonly Story[], ids: string[]) {
  await client.query('DELETE FROM story_events WHERE story_id = ANY($1::text[])', [ids]);
  const events = stories.flatMap((s) => s.history.map((event, seq) => ({ s, event, seq })));
  if (events.length === 0) return;
  await client.query(
    `INSERT INTO story_events (story_id, seq, type, at, other_id, article_ids)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    [
      events.map((e) => e.s.id),
      events.map((e) => e.seq),
      events.map((e) => e.event.type),
      events.map((e) => sortableTime(e.event.at)),
      events.map((e) => e.event.other ?? null),
      events.map((e) => JSON.stringify(e.event.articleIds)),
    ],
  );
}

/**
 * Each story stops being an alias itself; the stories it names in `aliases` are deleted and
 * they, and every alias that pointed at them, resolve to it.
 */
async function writeAliases(client: Queryable, stories: readonly Story[], ids: string[]) {
  await client.query('DELETE FROM story_aliases WHERE alias_id = ANY($1::text[])', [ids]);
  const pairs = stories.flatMap((s) =>
    s.aliases.filter((alias) => alias !== s.id).map((alias) => [alias as string, s.id as string]),
  );
  if (pairs.length === 0) return;
  const [aliases, targets] = [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
  await client.query('DELETE FROM stories WHERE id = ANY($1::text[])', [aliases]);
  await client.query(
    `UPDATE story_aliases a SET story_id = u.target
     FROM unnest($1::text[], $2::text[]) AS u(alias, target) WHERE a.story_id = u.alias`,
    [aliases, targets],
  );
  await client.query(
    `INSERT INTO story_aliases (alias_id, story_id)
     SELECT DISTINCT ON (alias) alias, target FROM unnest($1::text[], $2::text[]) AS u(alias, target)
     ON CONFLICT (alias_id) DO UPDATE SET story_id = excluded.story_id`,
    [aliases, targets],
  );
}
