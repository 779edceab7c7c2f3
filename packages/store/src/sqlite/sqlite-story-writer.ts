import type { Story, UpsertCounts } from '@newsloom/core';
import type { Database } from 'better-sqlite3';
import { canonicalJson, sortableTime, storyChangedAt } from '../shared/canonical';

/**
 * The story writer of one SQLite connection: a changed story replaces its membership and
 * history rows, and absorbs the stories named in its `aliases` (their rows go, their ids and
 * their own aliases resolve to it).
 */
export function createSqliteStoryWriter(db: Database) {
  const selectDoc = db.prepare<[string], { doc: string }>('SELECT doc FROM stories WHERE id = ?');
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

  function writeChildren(story: Story, isNew: boolean): void {
    // A new story has no member or event rows (they cascade with their story): no delete.
    if (!isNew) deleteMembers.run(story.id);
    for (const articleId of story.articleIds) insertMember.run(story.id, articleId);
    if (!isNew) deleteEvents.run(story.id);
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
    writeChildren(story, existing === undefined);
  }

  function upsertAll(stories: readonly Story[]): UpsertCounts {
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    for (const story of stories) upsertOne(story, counts);
    return counts;
  }
  const upsertBatch = db.transaction(upsertAll);

  return {
    upsert: (stories: readonly Story[]) => upsertBatch.immediate(stories),
    /** The same, inside a transaction the caller holds. */
    upsertInTransaction: upsertAll,
  };
}
