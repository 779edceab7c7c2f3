import { type Story, StorySchema, type UpsertCounts } from '@newsloom/core';
import { canonicalJson, compareStrings, sortableTime, storyChangedAt } from '../shared/canonical';
import { decodeRow } from '../shared/decode';
import { type StoryMembership, StoryMembershipSchema } from '../shared/membership';

interface Entry {
  id: string;
  doc: string;
  updated: string;
  changed: string;
  members: Set<string>;
}

const NO_MEMBERS: ReadonlySet<string> = new Set();

/** Stories, membership, history and aliases in memory, as the SQLite tables keep them. */
export function createMemoryStories() {
  const byId = new Map<string, Entry>();
  const aliases = new Map<string, string>();

  function absorb(story: Story): void {
    aliases.delete(story.id);
    for (const alias of story.aliases) {
      if (alias === story.id) continue;
      byId.delete(alias);
      for (const [from, to] of aliases) if (to === alias) aliases.set(from, story.id);
      aliases.set(alias, story.id);
    }
  }

  function upsertOne(story: Story, doc: string, counts: UpsertCounts): void {
    const existing = byId.get(story.id);
    if (existing?.doc === doc) {
      counts.unchanged += 1;
      return;
    }
    byId.set(story.id, {
      id: story.id,
      doc,
      updated: sortableTime(story.updatedAt),
      changed: storyChangedAt(story),
      members: new Set(story.articleIds),
    });
    if (existing === undefined) counts.inserted += 1;
    else counts.updated += 1;
    absorb(story);
  }

  const resolve = (id: string): string | undefined => (byId.has(id) ? id : aliases.get(id));
  const decode = (entry: Entry): Story => decodeRow(StorySchema, entry.doc, `stories ${entry.id}`);
  const sortedBy = (key: 'updated' | 'changed') =>
    [...byId.values()].sort((a, b) => compareStrings(a[key], b[key]) || compareStrings(a.id, b.id));

  return {
    upsert(stories: readonly Story[]): UpsertCounts {
      const docs = stories.map(canonicalJson);
      const counts = { inserted: 0, updated: 0, unchanged: 0 };
      for (const [index, story] of stories.entries()) upsertOne(story, docs[index] ?? '', counts);
      return counts;
    },
    resolve,
    members: (storyId: string): ReadonlySet<string> => byId.get(storyId)?.members ?? NO_MEMBERS,
    getById(id: string): Story | undefined {
      const entry = byId.get(id);
      return entry === undefined ? undefined : decode(entry);
    },
    updatedSince(since: string | undefined, limit: number): Story[] {
      const matches = sortedBy('updated').filter(
        (entry) => since === undefined || entry.updated >= since,
      );
      return (limit < 0 ? matches : matches.slice(0, limit)).map(decode);
    },
    changedSince(since: string): Story[] {
      return sortedBy('changed')
        .filter((entry) => entry.changed >= since)
        .map(decode);
    },
    membership(id: string): StoryMembership | undefined {
      const storyId = resolve(id);
      const entry = storyId === undefined ? undefined : byId.get(storyId);
      if (entry === undefined) return undefined;
      const story = decode(entry);
      const membership = {
        storyId: story.id,
        articleIds: [...entry.members].sort(compareStrings),
        aliases: [...aliases]
          .filter(([, to]) => to === story.id)
          .map(([from]) => from)
          .sort(compareStrings),
        history: story.history.map((event) => ({ ...event, at: sortableTime(event.at) })),
      };
      return decodeRow(
        StoryMembershipSchema,
        JSON.stringify(membership),
        `story_members ${story.id}`,
      );
    },
  };
}
