import { deriveId } from '@newsflow/shared';
import { chunks, placeholders } from '../db/sql.ts';
import type { Queryable } from '../db/types.ts';
import { articleSimilarity, DEFAULT_SIMILARITY, type SimilarityOptions } from '../merge/similarity.ts';
import { splitGroups } from '../merge/split.ts';
import { loadVectors } from './features.ts';
import { entityMarks, eventSets, TOPICAL } from './story-views.ts';

export interface StorySettings {
  /** Average-link similarity an article needs to join an existing story. */
  storyThreshold: number;
  /** Weight of shared canonical entities against text similarity, when both articles have entities. */
  entityWeight: number;
  /** How many candidate articles (by shared terms, by shared entities) to compare with. */
  candidateArticles: number;
  /** How many members of a candidate story enter its average (the most recent ones). */
  maxStoryMembers: number;
  /** After an article joins a story, merge other candidate stories whose average link to it clears the threshold. */
  mergeSimilarStories: boolean;
  /**
   * After an article joins a story, re-cluster the story's recent members (average link, same threshold) and move
   * groups that no longer belong with the rest into stories of their own.
   */
  splitStories: boolean;
  /**
   * Share of the similarity left when two articles are mainly about different people (salient, rare person names,
   * neither named saliently by the other; merge/similarity.ts). 1 turns the penalty off.
   */
  nameConflictFactor: number;
}

export interface StoryChange {
  storyId: string;
  change: 'created' | 'updated' | 'merged';
  mergedStoryIds: string[];
}

function similarityOptions(s: StorySettings): SimilarityOptions {
  return { ...DEFAULT_SIMILARITY, entityWeight: s.entityWeight, nameConflictFactor: s.nameConflictFactor };
}

/** The best existing story for an article by average-link similarity, if it clears the threshold. */
async function mostSimilarStory(
  tx: Queryable,
  articleId: string,
  s: StorySettings,
  extraStories: readonly string[],
): Promise<{ storyId: string; score: number; linked: string[]; split: string[][] } | undefined> {
  const limit = Math.trunc(s.candidateArticles);
  // Only distinctive terms and entities lead to candidates: joining on common ones would touch a growing share of
  // the corpus for every article (work linear in the database size).
  const cap = Math.max(50, Math.trunc(s.candidateArticles));
  const byTerms = await tx.all<{ article_id: string }>(
    `SELECT t2.article_id FROM article_terms t1 JOIN term_stats ts ON ts.term = t1.term AND ts.df <= $2
     JOIN article_terms t2 ON t2.term = t1.term
     WHERE t1.article_id = $1 AND t2.article_id <> $1
     GROUP BY t2.article_id ORDER BY COUNT(*) DESC, t2.article_id LIMIT ${limit}`,
    [articleId, cap],
  );
  const byEntities = await tx.all<{ article_id: string }>(
    `SELECT e2.article_id FROM entities e1 JOIN entities e2 ON e2.canonical_id = e1.canonical_id
     WHERE e1.article_id = $1 AND e2.article_id <> $1 AND e1.type IN ${TOPICAL}
       AND e1.canonical_id IN (SELECT canonical_id FROM entities WHERE canonical_id IN
         (SELECT canonical_id FROM entities WHERE article_id = $1) GROUP BY canonical_id HAVING COUNT(*) <= $2)
     GROUP BY e2.article_id ORDER BY COUNT(*) DESC, e2.article_id LIMIT ${limit}`,
    [articleId, cap],
  );
  const candidates = [...new Set([...byTerms, ...byEntities].map((r) => r.article_id))];
  const found =
    candidates.length === 0
      ? []
      : await tx.all<{ story_id: string }>(
          `SELECT DISTINCT story_id FROM story_articles WHERE article_id IN (${placeholders(candidates.length)})`,
          candidates,
        );
  const stories = [...new Set([...found.map((r) => r.story_id), ...extraStories])]
    .sort()
    .map((story_id) => ({ story_id }));
  if (stories.length === 0) return undefined;
  // The most recent members of every candidate story in one statement per 500 stories (not one per story).
  const recent = new Map<string, string[]>();
  for (const part of chunks(
    stories.map((r) => r.story_id),
    500,
  )) {
    const rows = await tx.all<{ story_id: string; article_id: string }>(
      `SELECT story_id, article_id FROM (
         SELECT story_id, article_id, ROW_NUMBER() OVER (PARTITION BY story_id ORDER BY added_at DESC, article_id) AS rn
         FROM story_articles WHERE story_id IN (${placeholders(part.length, 2)})
       ) ranked WHERE rn <= $1 ORDER BY story_id, rn`,
      [Math.trunc(s.maxStoryMembers), ...part],
    );
    for (const r of rows) recent.set(r.story_id, [...(recent.get(r.story_id) ?? []), r.article_id]);
  }
  const members = new Map<string, string[]>();
  for (const { story_id } of stories) members.set(story_id, recent.get(story_id) ?? []);
  const all = [articleId, ...[...members.values()].flat()];
  const vectors = await loadVectors(tx, all);
  const entities = await entityMarks(tx, all);
  const events = await eventSets(tx, all);
  const view = (id: string) => ({
    vector: vectors.get(id),
    entities: entities.get(id),
    events: events.get(id),
  });
  const o = similarityOptions(s);
  const sim = (a: string, b: string) => articleSimilarity(view(a), view(b), o);
  let best: { storyId: string; score: number } | undefined;
  for (const [storyId, ids] of members) {
    const score = ids.reduce((sum, id) => sum + sim(articleId, id), 0) / Math.max(ids.length, 1);
    if (score >= s.storyThreshold && (!best || score > best.score)) best = { storyId, score };
  }
  if (!best) return undefined;
  // The grown story may now be as close to another story as an article must be to join one: merge them.
  const grown = [...(members.get(best.storyId) ?? []), articleId];
  const linked: string[] = [];
  for (const [other, ids] of members) {
    if (other === best.storyId || ids.length === 0 || !s.mergeSimilarStories) continue;
    let sum = 0;
    for (const a of grown) for (const b of ids) sum += sim(a, b);
    if (sum / (grown.length * ids.length) >= s.storyThreshold) linked.push(other);
  }
  // Members arrive over time: re-check that the grown story is still one cluster (not when stories just merged).
  const split = s.splitStories && linked.length === 0 ? splitGroups(grown, sim, s.storyThreshold) : [];
  return { ...best, linked, split };
}

/** Moves the articles and events of `others` into `survivor` and marks them merged. */
async function mergeStories(
  tx: Queryable,
  survivor: string,
  others: readonly string[],
  now: string,
): Promise<void> {
  for (const other of others) {
    await tx.run('UPDATE story_articles SET story_id = $1 WHERE story_id = $2', [survivor, other]);
    await tx.run('UPDATE canonical_events SET story_id = $1 WHERE story_id = $2', [survivor, other]);
    await tx.run('UPDATE stories SET merged_into = $1 WHERE merged_into = $2', [survivor, other]);
    await tx.run(
      'UPDATE stories SET merged_into = $1, updated_at = $3, revision = revision + 1 WHERE id = $2',
      [survivor, other, now],
    );
  }
}

/**
 * Moves each group of articles out of `storyId` into a story of its own (id derived from the story and the group's
 * first article), with the canonical events they report. Returns the created stories.
 */
async function splitStory(
  tx: Queryable,
  storyId: string,
  groups: readonly string[][],
  now: string,
): Promise<StoryChange[]> {
  const created: StoryChange[] = [];
  for (const group of groups) {
    const first = await tx.get<{ title: string | null; text: string }>(
      `SELECT a.title, a.text FROM articles a JOIN story_articles sa ON sa.article_id = a.id
       WHERE a.id IN (${placeholders(group.length)}) ORDER BY sa.added_at, a.id LIMIT 1`,
      group,
    );
    const id = deriveId('sty', storyId, ...[...group].sort());
    // A group split off before, merged back and split again reuses its story.
    await tx.run(
      `INSERT INTO stories (id, title, revision, merged_into, created_at, updated_at) VALUES ($1, $2, 1, NULL, $3, $3)
       ON CONFLICT (id) DO UPDATE SET merged_into = NULL, revision = stories.revision + 1, updated_at = $3`,
      [id, first?.title ?? first?.text.slice(0, 120) ?? null, now],
    );
    await tx.run(
      `UPDATE story_articles SET story_id = $1 WHERE story_id = $2 AND article_id IN (${placeholders(group.length, 3)})`,
      [id, storyId, ...group],
    );
    await tx.run(
      `UPDATE canonical_events SET story_id = $1 WHERE story_id = $2 AND id IN
         (SELECT canonical_event_id FROM event_sources WHERE article_id IN (${placeholders(group.length, 3)}))`,
      [id, storyId, ...group],
    );
    created.push({ storyId: id, change: 'created', mergedStoryIds: [] });
  }
  return created;
}

/**
 * Places a fully extracted article in a story: the story with the highest average-link similarity (text, shared
 * canonical entities, plus a bonus for shared canonical events) among stories found through shared terms, entities
 * and events, if it clears the threshold; else a new story. Other candidate stories that the grown story is now as
 * close to are merged into it; or, when the grown story's recent members no longer form one cluster, the groups
 * that drifted apart move into stories of their own. Links the article's canonical events to the story and bumps
 * its revision. Returns the change of the story the article joined first, then any stories split off.
 */
export async function assignStory(
  tx: Queryable,
  article: { id: string; title: string | null; text: string },
  canonicalEventIds: readonly string[],
  s: StorySettings,
  now: string,
): Promise<StoryChange[]> {
  const current = await tx.get<{ story_id: string }>(
    'SELECT story_id FROM story_articles WHERE article_id = $1',
    [article.id],
  );
  const viaEvents =
    canonicalEventIds.length === 0
      ? []
      : await tx.all<{ story_id: string; created_at: string }>(
          `SELECT DISTINCT st.id AS story_id, st.created_at FROM event_sources es
           JOIN story_articles sa ON sa.article_id = es.article_id JOIN stories st ON st.id = sa.story_id
           WHERE es.canonical_event_id IN (${placeholders(canonicalEventIds.length, 2)}) AND es.article_id <> $1
           ORDER BY st.created_at, st.id`,
          [article.id, ...canonicalEventIds],
        );
  let target = current?.story_id;
  let score = 1;
  let linked: string[] = [];
  let split: string[][] = [];
  if (!target) {
    const similar = await mostSimilarStory(
      tx,
      article.id,
      s,
      viaEvents.map((r) => r.story_id),
    );
    target = similar?.storyId;
    score = similar?.score ?? 1;
    linked = similar?.linked ?? [];
    split = similar?.split ?? [];
  }
  let change: StoryChange['change'] = 'updated';
  if (!target) {
    target = deriveId('sty', article.id);
    change = 'created';
    const title = article.title ?? article.text.slice(0, 120);
    await tx.run(
      `INSERT INTO stories (id, title, revision, merged_into, created_at, updated_at) VALUES ($1, $2, 0, NULL, $3, $3)
       ON CONFLICT (id) DO NOTHING`,
      [target, title, now],
    );
  }
  const merged = linked.filter((id) => id !== target);
  if (merged.length > 0) {
    await mergeStories(tx, target, merged, now);
    change = 'merged';
  }
  await tx.run(
    `INSERT INTO story_articles (article_id, story_id, score, added_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (article_id) DO NOTHING`,
    [article.id, target, score, now],
  );
  if (canonicalEventIds.length > 0) {
    await tx.run(
      `UPDATE canonical_events SET story_id = $1 WHERE id IN (${placeholders(canonicalEventIds.length, 2)})`,
      [target, ...canonicalEventIds],
    );
  }
  await tx.run('UPDATE stories SET revision = revision + 1, updated_at = $2 WHERE id = $1', [target, now]);
  const created = split.length > 0 ? await splitStory(tx, target, split, now) : [];
  return [{ storyId: target, change, mergedStoryIds: merged }, ...created];
}
