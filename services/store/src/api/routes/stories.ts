import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/types.ts';
import { cursorOr400, cursorParam, idParam, limitParam, notFound, page, parseOr400 } from '../http.ts';

const listQuery = z.object({ limit: limitParam, cursor: cursorParam }).strict();

interface StoryRow {
  id: string;
  title: string | null;
  revision: number;
  merged_into: string | null;
  created_at: string;
  updated_at: string;
  articles: number;
  events: number;
}

const SELECT = `SELECT s.id, s.title, s.revision, s.merged_into, s.created_at, s.updated_at,
  (SELECT CAST(COUNT(*) AS INTEGER) FROM story_articles sa WHERE sa.story_id = s.id) AS articles,
  (SELECT CAST(COUNT(*) AS INTEGER) FROM canonical_events ce WHERE ce.story_id = s.id) AS events
  FROM stories s`;

const summary = (r: StoryRow) => ({
  id: r.id,
  title: r.title,
  revision: Number(r.revision),
  articleCount: Number(r.articles),
  eventCount: Number(r.events),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  ...(r.merged_into ? { mergedInto: r.merged_into } : {}),
});

/** GET /v1/stories (most recently updated first; merged-away stories left out) and /v1/stories/:id. */
export function storyRoutes(app: FastifyInstance, db: Db): void {
  app.get('/v1/stories', async (req, reply) => {
    const q = parseOr400(listQuery, req.query, reply);
    if (!q) return reply;
    const after = cursorOr400(q.cursor, reply);
    if (after === undefined) return reply;
    const rows = await db.all<StoryRow>(
      `${SELECT} WHERE s.merged_into IS NULL ${after ? 'AND (s.updated_at, s.id) < ($1, $2)' : ''}
       ORDER BY s.updated_at DESC, s.id DESC LIMIT ${q.limit + 1}`,
      after ?? [],
    );
    const result = page(rows, q.limit, (r) => [r.updated_at, r.id]);
    return { ...result, items: result.items.map(summary) };
  });

  app.get('/v1/stories/:id', async (req, reply) => {
    const p = parseOr400(idParam('sty'), req.params, reply);
    if (!p) return reply;
    const story = await db.get<StoryRow>(`${SELECT} WHERE s.id = $1`, [p.id]);
    if (!story) return notFound(reply, 'story');
    const articles = await db.all<{
      id: string;
      title: string | null;
      outlet: string | null;
      url: string | null;
      published_at: string | null;
      score: number;
    }>(
      `SELECT a.id, a.title, a.outlet, a.url, a.published_at, sa.score FROM story_articles sa JOIN articles a ON a.id = sa.article_id
       WHERE sa.story_id = $1 ORDER BY sa.added_at, a.id`,
      [p.id],
    );
    const events = await db.all<{
      id: string;
      type: string;
      label: string;
      time_start: string | null;
      sources: number;
    }>(
      `SELECT ce.id, ce.type, ce.label, ce.time_start,
         (SELECT CAST(COUNT(*) AS INTEGER) FROM event_sources s WHERE s.canonical_event_id = ce.id) AS sources
       FROM canonical_events ce WHERE ce.story_id = $1 ORDER BY ce.id`,
      [p.id],
    );
    const entities = await db.all<{ id: string; type: string; name: string; mentions: number }>(
      `SELECT c.id, c.type, c.name, CAST(COUNT(*) AS INTEGER) AS mentions FROM story_articles sa
       JOIN entities e ON e.article_id = sa.article_id JOIN mentions m ON m.entity_id = e.id
       JOIN canonical_entities c ON c.id = e.canonical_id
       WHERE sa.story_id = $1 AND c.type <> 'date' GROUP BY c.id, c.type, c.name ORDER BY mentions DESC, c.id LIMIT 25`,
      [p.id],
    );
    return {
      ...summary(story),
      articles: articles.map((a) => ({
        id: a.id,
        title: a.title,
        outlet: a.outlet,
        url: a.url,
        publishedAt: a.published_at,
        score: a.score,
      })),
      events: events.map((e) => ({
        id: e.id,
        type: e.type,
        label: e.label,
        timeStart: e.time_start,
        sourceCount: Number(e.sources),
      })),
      entities: entities.map((e) => ({ id: e.id, type: e.type, name: e.name, mentions: Number(e.mentions) })),
    };
  });
}
