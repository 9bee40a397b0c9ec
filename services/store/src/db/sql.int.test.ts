import { afterEach, describe, expect, inject, it } from 'vitest';
import { type Engine, testDatabases } from '../testing.ts';
import { runAll, type Statement } from './sql.ts';

const databases = testDatabases(() => inject('databaseUrl'));
afterEach(databases.disposeAll);
const database = databases.open;

const NOW = '2025-01-01T00:00:00.000Z';

/** A canonical entity and an entity that references it (a foreign key), each statement numbered from $1. */
function entityWrites(id: string, canonicalId: string): Statement[] {
  return [
    {
      sql: `INSERT INTO canonical_entities (id, type, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
            ON CONFLICT (id) DO NOTHING`,
      params: [canonicalId, 'person', 'Ada Lovelace', NOW],
    },
    {
      sql: `INSERT INTO entities (id, article_id, type, name, aliases, roles, salience, confidence, normalized,
              extractor_name, extractor_version, canonical_id, match_rule, match_key, stored_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (id) DO NOTHING`,
      params: [
        id,
        'art_1',
        'person',
        'Ada',
        '[]',
        '[]',
        0.5,
        0.9,
        null,
        'test',
        '1',
        canonicalId,
        'new',
        null,
        NOW,
      ],
    },
  ];
}

describe.each(['sqlite', 'postgres'] as const)('runAll on %s', (engine: Engine) => {
  it('applies every write, lets one reference a row inserted beside it, and counts the last', async () => {
    const db = await database(engine);
    const changed = await db.transaction((tx) => runAll(tx, entityWrites('ent_1', 'cen_1')));
    expect(changed).toBe(1);
    expect(await db.all('SELECT id, canonical_id, salience FROM entities')).toEqual([
      { id: 'ent_1', canonical_id: 'cen_1', salience: 0.5 },
    ]);
    expect(await db.all('SELECT id, name FROM canonical_entities')).toEqual([
      { id: 'cen_1', name: 'Ada Lovelace' },
    ]);
    // Again: both inserts conflict, and the count is the last statement's.
    expect(await db.transaction((tx) => runAll(tx, entityWrites('ent_1', 'cen_1')))).toBe(0);
  });

  it('fails as a whole inside its transaction when one write fails', async () => {
    const db = await database(engine);
    const [canonical, entity] = entityWrites('ent_2', 'cen_2') as [Statement, Statement];
    // The entity now references a canonical entity nobody inserts.
    const params = [...entity.params];
    params[11] = 'cen_missing';
    const broken = [canonical, { ...entity, params }];
    await expect(db.transaction((tx) => runAll(tx, broken))).rejects.toThrow();
    expect(await db.all('SELECT id FROM canonical_entities')).toEqual([]);
    expect(await db.all('SELECT id FROM entities')).toEqual([]);
  });
});
