/**
 * Builds test-fixtures/seeds-real.json from what the REAL extractor publishes for the two seed articles in
 * /work/main/seeds (repository `seeds/`), so store tests see the extractor's actual entities and events rather
 * than a hand-written idealisation (test-fixtures/seeds.json). It runs `newsflow extract` as a separate process
 * (the store never imports another service) and wraps its payloads in the messages the pipeline would send:
 * article, entities, events and the completion marker. Re-run after extractor changes:
 *   node services/store/scripts/build-real-seed-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AnyMessage,
  type ArticleData,
  deriveId,
  type EntityData,
  type EventData,
  makeMessage,
  parseMessage,
} from '@newsflow/shared';

const root = join(import.meta.dirname, '..', '..', '..');
const SEEDS = ['seeds/000_5b10a9bad318bf07.txt', 'seeds/001_1ea5e807f02e7703.txt'];
/** Fixed publication and receipt time, so the fixture does not change from run to run. */
const TIME = new Date('2025-03-15T12:00:00.000Z');

interface Line {
  article: ArticleData;
  entities: EntityData[];
  events: EventData[];
}

const stdout = execFileSync(
  process.execPath,
  [
    join(root, 'packages', 'cli', 'bin', 'newsflow.js'),
    'extract',
    ...SEEDS,
    '--published-at',
    TIME.toISOString(),
  ],
  { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);

function build(line: Line): AnyMessage[] {
  const article: ArticleData = { ...line.article, receivedAt: TIME.toISOString() };
  const articleId = article.id;
  const subject = articleId;
  const out: AnyMessage[] = [
    makeMessage('news.article.raw.v1', {
      id: articleId,
      source: 'newsflow/ingest',
      subject,
      time: TIME,
      data: article,
    }),
  ];
  for (const e of line.entities)
    out.push(
      makeMessage('news.entity.v1', { id: e.id, source: 'newsflow/extract', subject, time: TIME, data: e }),
    );
  for (const e of line.events)
    out.push(
      makeMessage('news.event.v1', { id: e.id, source: 'newsflow/extract', subject, time: TIME, data: e }),
    );
  const extractor = line.entities[0]?.extractor ??
    line.events[0]?.extractor ?? { name: 'newsflow-extract', version: 'unknown' };
  out.push(
    makeMessage('news.article.extracted.v1', {
      id: deriveId('cmp', articleId, extractor.version),
      source: 'newsflow/extract',
      subject,
      time: TIME,
      data: {
        articleId,
        extractor,
        entityCount: line.entities.length,
        eventCount: line.events.length,
        entityIds: line.entities.map((e) => e.id),
        eventIds: line.events.map((e) => e.id),
        durationMs: 0,
      },
    }),
  );
  for (const m of out) {
    const parsed = parseMessage(JSON.parse(JSON.stringify(m)));
    if (!parsed.ok) throw new Error(`fixture message ${m.id} is invalid: ${parsed.reason}`);
  }
  return out;
}

const lines = stdout
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Line);
if (lines.length !== SEEDS.length) throw new Error(`expected ${SEEDS.length} articles, got ${lines.length}`);
const messages = lines.flatMap(build);
const target = join(import.meta.dirname, '..', 'test-fixtures', 'seeds-real.json');
writeFileSync(target, `${JSON.stringify(messages, null, 2)}\n`);
console.log(`wrote ${messages.length} messages to ${target}`);
