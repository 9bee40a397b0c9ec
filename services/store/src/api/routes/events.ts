import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db, SqlValue } from '../../db/types.ts';
import { cursorOr400, cursorParam, idParam, limitParam, notFound, page, parseOr400 } from '../http.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'must be an ISO 8601 date such as 2025-03-14');

const listQuery = z
  .object({
    type: z
      .string()
      .regex(
        /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/,
        'must be an event type such as conflict.attack, or a category such as conflict',
      )
      .optional(),
    entity: z
      .string()
      .regex(/^cen_[0-9a-f]{24}$/, 'must be a canonical entity id (cen_...)')
      .optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    limit: limitParam,
    cursor: cursorParam,
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

/** GET /v1/events (canonical events by type, entity and time) and /v1/events/:id (arguments, sources). */
export function eventRoutes(app: FastifyInstance, db: Db): void {
  app.get('/v1/events', async (req, reply) => {
    const q = parseOr400(listQuery, req.query, reply);
    if (!q) return reply;
    const after = cursorOr400(q.cursor, reply);
    if (after === undefined) return reply;
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (q.type) {
      if (q.type.includes('.')) where.push(`ce.type = $${params.push(q.type)}`);
      else where.push(`ce.type LIKE $${params.push(`${q.type}.%`)}`);
    }
    if (q.entity) {
      where.push(`EXISTS (SELECT 1 FROM event_sources s JOIN event_arguments a ON a.event_id = s.event_id
        JOIN entities e ON e.id = a.entity_id WHERE s.canonical_event_id = ce.id AND e.canonical_id = $${params.push(q.entity)})`);
    }
    if (q.from) where.push(`ce.time_start >= $${params.push(q.from.slice(0, 10))}`);
    if (q.to) where.push(`ce.time_start <= $${params.push(q.to.slice(0, 10))}`);
    if (after) where.push(`ce.id > $${params.push(after[1])}`);
    const rows = await db.all<{
      id: string;
      type: string;
      label: string;
      time_start: string | null;
      story_id: string | null;
      sources: number;
    }>(
      `SELECT ce.id, ce.type, ce.label, ce.time_start, ce.story_id,
         (SELECT CAST(COUNT(*) AS INTEGER) FROM event_sources s WHERE s.canonical_event_id = ce.id) AS sources
       FROM canonical_events ce ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ce.id LIMIT ${q.limit + 1}`,
      params,
    );
    const result = page(rows, q.limit, (r) => ['', r.id]);
    return {
      ...result,
      items: result.items.map((r) => ({
        id: r.id,
        type: r.type,
        label: r.label,
        timeStart: r.time_start,
        storyId: r.story_id,
        sourceCount: Number(r.sources),
      })),
    };
  });

  app.get('/v1/events/:id', async (req, reply) => {
    const p = parseOr400(idParam('cev'), req.params, reply);
    if (!p) return reply;
    const ce = await db.get<{
      id: string;
      type: string;
      label: string;
      time_start: string | null;
      story_id: string | null;
      created_at: string;
      updated_at: string;
    }>(
      'SELECT id, type, label, time_start, story_id, created_at, updated_at FROM canonical_events WHERE id = $1',
      [p.id],
    );
    if (!ce) return notFound(reply, 'event');
    const sources = await db.all<{
      event_id: string;
      article_id: string;
      outlet: string | null;
      evidence: string;
      confidence: number;
      merge_rule: string;
      trigger_text: string;
      modality: string;
      time_text: string | null;
      time_value: string | null;
      source_text: string | null;
      plover_event: string;
      plover_mode: string | null;
      cameo: string | null;
      title: string | null;
      url: string | null;
    }>(
      `SELECT s.event_id, s.article_id, s.outlet, s.evidence, s.confidence, s.merge_rule, e.trigger_text, e.modality,
         e.time_text, e.time_value, e.source_text, e.plover_event, e.plover_mode, e.cameo, a.title, a.url
       FROM event_sources s JOIN events e ON e.id = s.event_id LEFT JOIN articles a ON a.id = s.article_id
       WHERE s.canonical_event_id = $1 ORDER BY s.added_at, s.event_id`,
      [p.id],
    );
    const args = await db.all<{
      event_id: string;
      role: string;
      text: string;
      entity_id: string | null;
      canonical_id: string | null;
      canonical_name: string | null;
    }>(
      `SELECT a.event_id, a.role, a.text, a.entity_id, en.canonical_id, c.name AS canonical_name
       FROM event_sources s JOIN event_arguments a ON a.event_id = s.event_id
       LEFT JOIN entities en ON en.id = a.entity_id LEFT JOIN canonical_entities c ON c.id = en.canonical_id
       WHERE s.canonical_event_id = $1 ORDER BY a.role, a.event_id, a.idx`,
      [p.id],
    );
    // One merged argument per (role, canonical entity or text), listing the reports that state it.
    const merged = new Map<
      string,
      { role: string; text: string; entityId: string | null; sources: string[] }
    >();
    for (const a of args) {
      const key = `${a.role}\u001f${a.canonical_id ?? a.text.toLowerCase()}`;
      const m = merged.get(key) ?? {
        role: a.role,
        text: a.canonical_name ?? a.text,
        entityId: a.canonical_id,
        sources: [],
      };
      m.sources.push(a.event_id);
      merged.set(key, m);
    }
    return {
      id: ce.id,
      type: ce.type,
      label: ce.label,
      timeStart: ce.time_start,
      storyId: ce.story_id,
      createdAt: ce.created_at,
      updatedAt: ce.updated_at,
      arguments: [...merged.values()],
      sources: sources.map((s) => ({
        eventId: s.event_id,
        articleId: s.article_id,
        articleTitle: s.title,
        url: s.url,
        outlet: s.outlet,
        evidence: s.evidence,
        trigger: s.trigger_text,
        confidence: s.confidence,
        modality: s.modality,
        attributedTo: s.source_text,
        time: s.time_value ? { text: s.time_text, value: s.time_value } : null,
        plover: { event: s.plover_event, ...(s.plover_mode ? { mode: s.plover_mode } : {}) },
        cameo: s.cameo,
        mergeRule: s.merge_rule,
      })),
    };
  });
}
