/**
 * Event evaluation on WikiEvents dev: trigger identification/classification and argument
 * identification/classification (issue 4 rules, see eval-events/score.ts), per type and overall, for all KAIROS
 * types and for the types the taxonomy covers.
 *
 *   node services/extract/scripts/eval-events.ts [--data DIR] [--no-ner] [--merge] [--json] [--errors]
 *
 * --no-ner runs without the entity stage (no entity links); --merge scores the product's merged events instead
 * of mention-level events (WikiEvents annotates every mention, so merging lowers recall); --errors lists the
 * hits, false positives and misses of the covered scope instead of the table. "Covered" is every type that
 * claims a KAIROS type or family (docs/event-taxonomy.md), statements included.
 *
 * DIR defaults to $NEWSFLOW_EVAL_DATA/wikievents or ../shared/eval/data/wikievents.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadNerModel, loadPosModel } from '@newsflow/ner';
import { extractEntities } from '../src/engine/entities.ts';
import { extractEvents } from '../src/engine/events/index.ts';
import { EVENT_TYPES, typeForKairos } from '../src/engine/events/taxonomy.ts';
import type { EventEntityInput } from '../src/engine/events/types.ts';
import { createLexicon } from '../src/engine/lexicon/index.ts';
import { createNerStage } from '../src/engine/ner.ts';
import { buildDoc } from '../src/engine/sentences.ts';
import type { Doc } from '../src/engine/types.ts';
import { triggerErrors } from './eval-events/errors.ts';
import { newTypeCounts, prf, type Scope, scoreDoc, sum, type TypeCounts } from './eval-events/score.ts';
import { readWikiEvents } from './eval-events/wikievents.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    'no-ner': { type: 'boolean', default: false },
    merge: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    errors: { type: 'boolean', default: false },
  },
});
const dataDir =
  values.data ??
  (process.env.NEWSFLOW_EVAL_DATA
    ? resolve(process.env.NEWSFLOW_EVAL_DATA, 'wikievents')
    : resolve(import.meta.dirname, '../../../../shared/eval/data/wikievents'));

let docs: ReturnType<typeof readWikiEvents>;
try {
  docs = readWikiEvents(dataDir);
} catch (err) {
  console.error(String((err as Error).message));
  console.error('Pass --data DIR or set NEWSFLOW_EVAL_DATA (folder containing wikievents/).');
  process.exit(2);
}

const covered = new Set(EVENT_TYPES.filter((t) => t.kairos.length > 0 || t.kairosFamily).map((t) => t.type));
const scopes: Record<string, Scope> = {
  all: { gold: () => true, pred: () => true },
  covered: { gold: (g) => !!typeForKairos(g.type), pred: (e) => covered.has(e.type) },
  'covered-no-statement': {
    gold: (g) => !!typeForKairos(g.type) && typeForKairos(g.type) !== 'contact.statement',
    pred: (e) => covered.has(e.type) && e.type !== 'contact.statement',
  },
};
const results = Object.fromEntries(Object.keys(scopes).map((k) => [k, new Map<string, TypeCounts>()]));

const ner = values['no-ner'] ? undefined : createNerStage(loadNerModel());
const pos = values['no-ner'] ? undefined : loadPosModel();
const lexicon = createLexicon();

function entitiesOf(doc: Doc, id: string): EventEntityInput[] {
  if (!ner) return [];
  return extractEntities(doc, { ner, lexicon, articleId: id, version: 'eval' });
}

const errorLines: string[] = [];
const t0 = performance.now();
for (const d of docs) {
  const doc = buildDoc(d.text);
  if (pos) {
    const tags = pos.tagDocument(doc.sentences.map((s) => s.tokens.map((t) => t.text)));
    doc.sentences.forEach((s, si) => {
      s.tokens.forEach((t, ti) => {
        t.pos = tags[si]?.[ti] ?? t.pos;
      });
    });
  }
  const events = extractEvents(doc, entitiesOf(doc, d.id), { merge: values.merge });
  for (const [name, scope] of Object.entries(scopes))
    scoreDoc(d, events, scope, results[name] as Map<string, TypeCounts>);
  if (values.errors) errorLines.push(...triggerErrors(d, events, scopes.covered as Scope));
}
const ms = performance.now() - t0;

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
function line(label: string, c: TypeCounts): string {
  const cells = (['trigId', 'trigCls', 'argId', 'argCls'] as const).map((k) => {
    const { p, r, f } = prf(c[k]);
    return `${pct(p)} ${pct(r)} ${pct(f)}`;
  });
  return `${label.padEnd(34)} ${String(c.trigCls.gold).padStart(4)} ${String(c.trigCls.pred).padStart(4)}  ${cells.join(' | ')}`;
}

if (values.errors) {
  console.log(errorLines.sort().join('\n'));
} else if (values.json) {
  const out = Object.fromEntries(
    Object.entries(results).map(([k, m]) => [
      k,
      { overall: sum(m.values()), perType: Object.fromEntries(m) },
    ]),
  );
  console.log(JSON.stringify(out, null, 2));
} else {
  console.log(
    `WikiEvents dev: ${docs.length} documents, ${dataDir} (${ms.toFixed(0)} ms, NER ${ner ? 'on' : 'off'})`,
  );
  console.log(
    `${'type'.padEnd(34)} gold pred  ${['trigger-id', 'trigger-cls', 'arg-id', 'arg-cls'].map((h) => `${h.padEnd(17)}`).join(' | ')}`,
  );
  console.log(`${''.padEnd(45)}${'    P     R    F1 | '.repeat(4)}`);
  const all = results.all as Map<string, TypeCounts>;
  for (const k of [...all.keys()].sort()) console.log(line(k, all.get(k) ?? newTypeCounts()));
  console.log('-'.repeat(130));
  for (const name of Object.keys(scopes)) {
    console.log(line(`OVERALL ${name}`, sum((results[name] as Map<string, TypeCounts>).values())));
  }
}
