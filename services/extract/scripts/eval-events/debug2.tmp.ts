import { loadNerModel, loadPosModel } from '@newsflow/ner';
import { extractEntities } from '../../src/engine/entities.ts';
import { extractEvents } from '../../src/engine/events/index.ts';
import { EVENT_TYPES, typeForKairos } from '../../src/engine/events/taxonomy.ts';
import { createLexicon } from '../../src/engine/lexicon/index.ts';
import { createNerStage } from '../../src/engine/ner.ts';
import { buildDoc } from '../../src/engine/sentences.ts';
import { readWikiEvents, tokenSpan } from './wikievents.ts';

const covered = new Set(EVENT_TYPES.filter((t) => t.kairos.length > 0).map((t) => t.type));
const ner = createNerStage(loadNerModel());
const lexicon = createLexicon();
const pos = loadPosModel();
const docs = readWikiEvents('/work/shared/eval/data/wikievents');
let fpIn = 0,
  fpOut = 0,
  tp = 0;
const perDoc: string[] = [];
for (const d of docs) {
  const doc = buildDoc(d.text);
  const tags = pos.tagDocument(doc.sentences.map((s) => s.tokens.map((t) => t.text)));
  doc.sentences.forEach((s, si) => s.tokens.forEach((t, ti) => (t.pos = tags[si]?.[ti] ?? t.pos)));
  const ents = extractEntities(doc, { ner, lexicon, articleId: d.id, version: 'x' });
  const evs = extractEvents(doc, ents, { merge: false }).filter((e) => covered.has(e.type));
  const goldTok = new Set<number>();
  for (const g of d.events) for (let k = g.start; k < g.end; k++) goldTok.add(k);
  // sentence of each token by char offset
  const sentOf = (tok: number) =>
    doc.sentences.findIndex((s) => s.start <= d.spans[tok]![0] && d.spans[tok]![1] <= s.end);
  const goldSents = new Set([...d.events].map((g) => sentOf(g.start)));
  let dfp = 0,
    dtp = 0;
  for (const e of evs) {
    const [s, t] = tokenSpan(d, e.trigger.start, e.trigger.end);
    const ok = d.events.some((g) => g.start === s && g.end === t && typeForKairos(g.type) === e.type);
    if (ok) {
      tp++;
      dtp++;
      continue;
    }
    dfp++;
    if (goldSents.has(e.evidence.sentence)) fpIn++;
    else fpOut++;
  }
  perDoc.push(
    `${d.id} gold=${d.events.length} tp=${dtp} fp=${dfp} sents=${doc.sentences.length} goldSents=${goldSents.size}`,
  );
}
console.log({ tp, fpIn, fpOut });
console.log(perDoc.join('\n'));
