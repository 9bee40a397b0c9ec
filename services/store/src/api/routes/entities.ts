import { ENTITY_TYPES } from '@newsflow/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db, SqlValue } from '../../db/types.ts';
import {
  cursorOr400,
  cursorParam,
  idParam,
  likePattern,
  limitParam,
  notFound,
  page,
  parseOr400,
  textParam,
} from '../http.ts';

const listQuery = z
  .object({
    type: z.enum(ENTITY_TYPES).optional(),
    q: textParam(200).optional(),
    limit: limitParam,
    cursor: cursorParam,
  })
  .strict();

/** GET /v1/entities (search by name or alias within a type) and /v1/entities/:id (mentions, roles, events). */
export function entityRoutes(app: FastifyInstance, db: Db): void {
  app.get('/v1/entities', async (req, reply) => {
    const q = parseOr400(listQuery, req.query, reply);
    if (!q) return reply;
    const after = cursorOr400(q.cursor, reply);
    if (after === undefined) return reply;
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (q.type) where.push(`c.type = $${params.push(q.type)}`);
    if (q.q) {
      const n = params.push(likePattern(q.q));
      where.push(
        `(LOWER(c.name) LIKE $${n} ESCAPE '\\' OR EXISTS (SELECT 1 FROM entity_aliases a WHERE a.canonical_id = c.id AND LOWER(a.alias) LIKE $${n} ESCAPE '\\'))`,
      );
    }
    if (after) where.push(`c.id > $${params.push(after[1])}`);
    const rows = await db.all<{ id: string; type: string; name: string; articles: number }>(
      `SELECT c.id, c.type, c.name,
         (SELECT CAST(COUNT(DISTINCT e.article_id) AS INTEGER) FROM entities e WHERE e.canonical_id = c.id) AS articles
       FROM canonical_entities c ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id LIMIT ${q.limit + 1}`,
      params,
    );
    const result = page(rows, q.limit, (r) => ['', r.id]);
    const aliases = await aliasesOf(
      db,
      result.items.map((r) => r.id),
    );
    return {
      ...result,
      items: result.items.map((r) => ({
        id: r.id,
        type: r.type,
        name: r.name,
        aliases: aliases.get(r.id) ?? [],
        articleCount: Number(r.articles),
      })),
    };
  });

  app.get('/v1/entities/:id', async (req, reply) => {
    const p = parseOr400(idParam('cen'), req.params, reply);
    if (!p) return reply;
    const c = await db.get<{
      id: string;
      type: string;
      name: string;
      created_at: string;
      updated_at: string;
    }>('SELECT id, type, name, created_at, updated_at FROM canonical_entities WHERE id = $1', [p.id]);
    if (!c) return notFound(reply, 'entity');
    const aliases = await db.all<{ alias: string; entity_id: string; article_id: string }>(
      'SELECT alias, entity_id, article_id FROM entity_aliases WHERE canonical_id = $1 ORDER BY alias, entity_id',
      [p.id],
    );
    const roles = await db.all<{
      title: string;
      affiliation: string;
      qualifier: string;
      entity_id: string;
      article_id: string;
    }>(
      'SELECT title, affiliation, qualifier, entity_id, article_id FROM entity_roles WHERE canonical_id = $1 ORDER BY title, affiliation, entity_id',
      [p.id],
    );
    const members = await db.all<{
      id: string;
      article_id: string;
      name: string;
      match_rule: string;
      match_key: string | null;
    }>(
      'SELECT id, article_id, name, match_rule, match_key FROM entities WHERE canonical_id = $1 ORDER BY stored_at, id',
      [p.id],
    );
    const mentions = await db.all<{
      entity_id: string;
      article_id: string;
      text: string;
      start_offset: number;
      end_offset: number;
      sentence: number;
    }>(
      `SELECT m.entity_id, m.article_id, m.text, m.start_offset, m.end_offset, m.sentence FROM mentions m
       JOIN entities e ON e.id = m.entity_id WHERE e.canonical_id = $1 ORDER BY m.article_id, m.start_offset LIMIT 1000`,
      [p.id],
    );
    const events = await db.all<{ id: string; type: string; label: string; role: string }>(
      `SELECT DISTINCT ce.id, ce.type, ce.label, a.role FROM entities e
       JOIN event_arguments a ON a.entity_id = e.id JOIN event_sources s ON s.event_id = a.event_id
       JOIN canonical_events ce ON ce.id = s.canonical_event_id WHERE e.canonical_id = $1 ORDER BY ce.id, a.role LIMIT 500`,
      [p.id],
    );
    return {
      id: c.id,
      type: c.type,
      name: c.name,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      aliases: [...new Set(aliases.map((a) => a.alias))],
      aliasSources: aliases.map((a) => ({ alias: a.alias, entityId: a.entity_id, articleId: a.article_id })),
      roles: roles.map((r) => ({
        title: r.title,
        ...(r.affiliation ? { affiliation: r.affiliation } : {}),
        ...(r.qualifier ? { qualifier: r.qualifier } : {}),
        entityId: r.entity_id,
        articleId: r.article_id,
      })),
      members: members.map((m) => ({
        entityId: m.id,
        articleId: m.article_id,
        name: m.name,
        matchRule: m.match_rule,
        matchKey: m.match_key,
      })),
      mentions: mentions.map((m) => ({
        entityId: m.entity_id,
        articleId: m.article_id,
        text: m.text,
        start: m.start_offset,
        end: m.end_offset,
        sentence: m.sentence,
      })),
      events: events.map((e) => ({ id: e.id, type: e.type, label: e.label, role: e.role })),
    };
  });
}

async function aliasesOf(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await db.all<{ canonical_id: string; alias: string }>(
    `SELECT DISTINCT canonical_id, alias FROM entity_aliases WHERE canonical_id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')}) ORDER BY canonical_id, alias`,
    ids,
  );
  for (const r of rows) out.set(r.canonical_id, [...(out.get(r.canonical_id) ?? []), r.alias]);
  return out;
}
