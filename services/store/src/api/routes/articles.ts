import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/types.ts';
import { cursorOr400, cursorParam, idParam, json, limitParam, notFound, page, parseOr400 } from '../http.ts';

interface ArticleRow {
  id: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  byline: string | null;
  language: string | null;
  published_at: string | null;
  received_at: string;
  story_id: string | null;
  extraction: string | null;
  extracted_at: string | null;
}

const listQuery = z.object({ limit: limitParam, cursor: cursorParam }).strict();

const summary = (r: ArticleRow) => ({
  id: r.id,
  title: r.title,
  url: r.url,
  outlet: r.outlet,
  byline: r.byline,
  language: r.language,
  publishedAt: r.published_at,
  receivedAt: r.received_at,
  storyId: r.story_id,
  extraction: r.extraction ?? 'none',
  extractedAt: r.extracted_at,
});

const SELECT = `SELECT a.id, a.title, a.url, a.outlet, a.byline, a.language, a.published_at, a.received_at,
  sa.story_id, (SELECT MIN(x.state) FROM extractions x WHERE x.article_id = a.id) AS extraction,
  (SELECT MAX(x.completed_at) FROM extractions x WHERE x.article_id = a.id) AS extracted_at
  FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id`;

/** GET /v1/articles (newest first) and /v1/articles/:id (with its entities and events). */
export function articleRoutes(app: FastifyInstance, db: Db): void {
  app.get('/v1/articles', async (req, reply) => {
    const q = parseOr400(listQuery, req.query, reply);
    if (!q) return reply;
    const after = cursorOr400(q.cursor, reply);
    if (after === undefined) return reply;
    const rows = await db.all<ArticleRow>(
      `${SELECT} ${after ? 'WHERE (a.received_at, a.id) < ($1, $2)' : ''} ORDER BY a.received_at DESC, a.id DESC LIMIT ${q.limit + 1}`,
      after ?? [],
    );
    const result = page(rows, q.limit, (r) => [r.received_at, r.id]);
    return { ...result, items: result.items.map(summary) };
  });

  app.get('/v1/articles/:id', async (req, reply) => {
    const p = parseOr400(idParam('art'), req.params, reply);
    if (!p) return reply;
    const row = await db.get<ArticleRow & { text: string }>(
      `${SELECT.replace('a.id, a.title', 'a.id, a.text, a.title')} WHERE a.id = $1`,
      [p.id],
    );
    if (!row) return notFound(reply, 'article');
    const entities = await db.all<{
      id: string;
      type: string;
      name: string;
      aliases: string;
      roles: string;
      salience: number;
      confidence: number;
      canonical_id: string;
      match_rule: string;
    }>(
      `SELECT id, type, name, aliases, roles, salience, confidence, canonical_id, match_rule FROM entities
       WHERE article_id = $1 ORDER BY salience DESC, id`,
      [p.id],
    );
    const mentions = await db.all<{
      entity_id: string;
      text: string;
      start_offset: number;
      end_offset: number;
      sentence: number;
    }>(
      'SELECT entity_id, text, start_offset, end_offset, sentence FROM mentions WHERE article_id = $1 ORDER BY start_offset',
      [p.id],
    );
    const events = await db.all<{
      id: string;
      type: string;
      trigger_text: string;
      evidence_text: string;
      modality: string;
      confidence: number;
      time_value: string | null;
      canonical_event_id: string | null;
    }>(
      `SELECT e.id, e.type, e.trigger_text, e.evidence_text, e.modality, e.confidence, e.time_value, s.canonical_event_id
       FROM events e LEFT JOIN event_sources s ON s.event_id = e.id WHERE e.article_id = $1 ORDER BY e.trigger_start, e.id`,
      [p.id],
    );
    const args = await db.all<{ event_id: string; role: string; text: string; entity_id: string | null }>(
      `SELECT a.event_id, a.role, a.text, a.entity_id FROM event_arguments a JOIN events e ON e.id = a.event_id
       WHERE e.article_id = $1 ORDER BY a.event_id, a.idx`,
      [p.id],
    );
    return {
      ...summary(row),
      text: row.text,
      entities: entities.map((e) => ({
        id: e.id,
        type: e.type,
        name: e.name,
        aliases: json<string[]>(e.aliases) ?? [],
        roles: json<unknown[]>(e.roles) ?? [],
        salience: e.salience,
        confidence: e.confidence,
        canonicalId: e.canonical_id,
        matchRule: e.match_rule,
        mentions: mentions
          .filter((m) => m.entity_id === e.id)
          .map((m) => ({ text: m.text, start: m.start_offset, end: m.end_offset, sentence: m.sentence })),
      })),
      events: events.map((e) => ({
        id: e.id,
        type: e.type,
        trigger: e.trigger_text,
        evidence: e.evidence_text,
        modality: e.modality,
        confidence: e.confidence,
        time: e.time_value,
        canonicalEventId: e.canonical_event_id,
        arguments: args
          .filter((a) => a.event_id === e.id)
          .map((a) => ({ role: a.role, text: a.text, entityId: a.entity_id })),
      })),
    };
  });
}
