import { loadNerModel, loadPosModel } from '@newsflow/ner';
import { extractEntities } from '../../src/engine/entities.ts';
import { extractEvents } from '../../src/engine/events/index.ts';
import { typeForKairos } from '../../src/engine/events/taxonomy.ts';
import { createLexicon } from '../../src/engine/lexicon/index.ts';
import { createNerStage } from '../../src/engine/ner.ts';
import { buildDoc } from '../../src/engine/sentences.ts';
import { readWikiEvents, tokenSpan } from './wikievents.ts';

const want = process.argv[2]!;
const ner = createNerStage(loadNerModel());
const lexicon = createLexicon();
const pos = loadPosModel();
const docs = readWikiEvents('/work/shared/eval/data/wikievents');
const fp: Record<string, number> = {},
  fn: Record<string, number> = {};
for (const d of docs) {
  const doc = buildDoc(d.text);
  const tags = pos.tagDocument(doc.sentences.map((s) => s.tokens.map((t) => t.text)));
  doc.sentences.forEach((s, si) => s.tokens.forEach((t, ti) => (t.pos = tags[si]?.[ti] ?? t.pos)));
  const ents = extractEntities(doc, { ner, lexicon, articleId: d.id, version: 'x' });
  const evs = extractEvents(doc, ents, { merge: false });
  const matched = new Set<number>();
  for (const e of evs) {
    if (e.type !== want) continue;
    const [s, t] = tokenSpan(d, e.trigger.start, e.trigger.end);
    const gi = d.events.findIndex((g) => g.start === s && g.end === t && typeForKairos(g.type) === want);
    if (gi >= 0) matched.add(gi);
    else {
      const k = e.trigger.text.toLowerCase();
      fp[k] = (fp[k] ?? 0) + 1;
      if (process.argv[3] === 'fp') console.log('FP', e.trigger.text, '|', e.evidence.text.slice(0, 200));
    }
  }
  d.events.forEach((g, k) => {
    if (typeForKairos(g.type) === want && !matched.has(k)) {
      const w = d.tokens.slice(g.start, g.end).join(' ').toLowerCase();
      fn[w] = (fn[w] ?? 0) + 1;
      if (process.argv[3] === 'fn') {
        const [a] = d.spans[Math.max(0, g.start - 12)]!;
        const [, b] = d.spans[Math.min(d.spans.length - 1, g.end + 12)]!;
        console.log('FN', w, '|', d.text.slice(a, b).replace(/\n/g, ' '));
      }
    }
  });
}
console.log(
  'FP',
  Object.entries(fp)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k}:${v}`)
    .join(' '),
);
console.log(
  'FN',
  Object.entries(fn)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k}:${v}`)
    .join(' '),
);
