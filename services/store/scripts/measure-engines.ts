/**
 * Measures the embedded engine candidates on this machine: PGlite (Postgres in WebAssembly, file storage) and
 * Node's built-in node:sqlite (WAL, synchronous=FULL). Reports open time, RSS after open, and articles/s for a
 * store-like write (~36 rows per article: 1 article, 10 entities, 20 mentions, 5 events) in one transaction
 * per article and in batches of 100 articles. Median of RUNS runs; each engine in a fresh child process.
 *
 * Run: node services/store/scripts/measure-engines.ts [articles=400] [runs=3]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ARTICLES = Number(process.argv[2] ?? 400);
const RUNS = Number(process.argv[3] ?? 3);

const SCHEMA = [
  'CREATE TABLE articles (id TEXT PRIMARY KEY, text TEXT NOT NULL, stored_at TEXT NOT NULL)',
  'CREATE TABLE entities (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, name TEXT NOT NULL, roles TEXT NOT NULL)',
  'CREATE TABLE mentions (entity_id TEXT NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (entity_id, idx))',
  'CREATE TABLE events (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, type TEXT NOT NULL, evidence TEXT NOT NULL)',
];
const TEXT = 'x'.repeat(3000);

type Exec = (sql: string, params: (string | number)[]) => Promise<void> | void;

/** The statements of one article: 36 rows, all upserts keyed by deterministic ids. */
async function writeArticle(exec: Exec, run: number, i: number): Promise<void> {
  const a = `art_${run}_${i}`;
  await exec('INSERT INTO articles (id, text, stored_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [
    a,
    TEXT,
    'now',
  ]);
  for (let e = 0; e < 10; e++) {
    const id = `${a}_e${e}`;
    await exec(
      'INSERT INTO entities (id, article_id, name, roles) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
      [id, a, `Name ${e}`, '[]'],
    );
    if (e < 10) {
      for (let m = 0; m < 2; m++) {
        await exec('INSERT INTO mentions (entity_id, idx, text) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
          id,
          m,
          `Name ${e}`,
        ]);
      }
    }
  }
  for (let v = 0; v < 5; v++) {
    await exec(
      'INSERT INTO events (id, article_id, type, evidence) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
      [`${a}_v${v}`, a, 'life.die', 'The sentence.'],
    );
  }
}

async function child(engine: string, dir: string): Promise<void> {
  const t0 = performance.now();
  let exec: Exec;
  let begin: () => Promise<void> | void;
  let commit: () => Promise<void> | void;
  let close: () => Promise<void> | void;
  if (engine === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(join(dir, 'pgdata'));
    exec = async (sql, params) => {
      await db.query(sql, params);
    };
    begin = async () => void (await db.exec('BEGIN'));
    commit = async () => void (await db.exec('COMMIT'));
    close = () => db.close();
    for (const s of SCHEMA) await db.exec(s);
  } else {
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(join(dir, 'db.sqlite'));
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL');
    const cache = new Map<string, ReturnType<typeof db.prepare>>();
    exec = (sql, params) => {
      let st = cache.get(sql);
      if (!st) {
        st = db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
        cache.set(sql, st);
      }
      st.run(...params);
    };
    begin = () => db.exec('BEGIN IMMEDIATE');
    commit = () => db.exec('COMMIT');
    close = () => db.close();
    for (const s of SCHEMA) db.exec(s);
  }
  const openMs = performance.now() - t0;
  const rssMb = process.memoryUsage().rss / 1e6;
  let t = performance.now();
  for (let i = 0; i < ARTICLES; i++) {
    await begin();
    await writeArticle(exec, 1, i);
    await commit();
  }
  const perTx = ARTICLES / ((performance.now() - t) / 1000);
  t = performance.now();
  for (let b = 0; b < ARTICLES; b += 100) {
    await begin();
    for (let i = b; i < Math.min(b + 100, ARTICLES); i++) await writeArticle(exec, 2, i);
    await commit();
  }
  const batched = ARTICLES / ((performance.now() - t) / 1000);
  const peakMb = process.memoryUsage().rss / 1e6;
  await close();
  process.stdout.write(JSON.stringify({ openMs, rssMb, peakMb, perTx, batched }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

if (process.argv[4] === '--child') {
  await child(process.argv[5] as string, process.argv[6] as string);
} else {
  console.log(
    `engine comparison: ${ARTICLES} articles x 36 rows, median of ${RUNS} runs, Node ${process.version}`,
  );
  for (const engine of ['sqlite', 'pglite']) {
    const results: Record<string, number>[] = [];
    for (let r = 0; r < RUNS; r++) {
      const dir = mkdtempSync(join(tmpdir(), 'newsflow-measure-'));
      try {
        const out = execFileSync(
          process.execPath,
          ['--no-warnings', import.meta.filename, String(ARTICLES), String(RUNS), '--child', engine, dir],
          { encoding: 'utf8', maxBuffer: 1 << 20 },
        );
        results.push(JSON.parse(out) as Record<string, number>);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const m = (k: string) => median(results.map((x) => x[k] as number));
    console.log(
      `${engine.padEnd(7)} open ${m('openMs').toFixed(0)} ms | RSS after open ${m('rssMb').toFixed(0)} MB, peak ${m('peakMb').toFixed(0)} MB | ` +
        `1 tx/article ${m('perTx').toFixed(0)} articles/s | batches of 100 ${m('batched').toFixed(0)} articles/s`,
    );
  }
}
