import { loadNerModel, loadPosModel } from '@newsflow/ner';
import { extractEntities } from '../../src/engine/entities.ts';
import { extractEvents } from '../../src/engine/events/index.ts';
import { typeForKairos } from '../../src/engine/events/taxonomy.ts';
import { createLexicon } from '../../src/engine/lexicon/index.ts';
import { createNerStage } from '../../src/engine/ner.ts';
import { buildDoc } from '../../src/engine/sentences.ts';
import { readWikiEvents, tokenSpan } from './wikievents.ts';
const ner = createNerStage(loadNerModel()); const lexicon = createLexicon(); const pos = loadPosModel();
const out: string[] = [];
for (const d of readWikiEvents('/work/shared/eval/data/wikievents')) {
  const doc = buildDoc(d.text);
  const tags = pos.tagDocument(doc.sentences.map((s) => s.tokens.map((t) => t.text)));
  doc.sentences.forEach((s, si) => { s.tokens.forEach((t, ti) => { t.pos = tags[si]?.[ti] ?? t.pos; }); });
  const evs = extractEvents(doc, extractEntities(doc, { ner, lexicon, articleId: d.id, version: 'x' }), { merge: false });
  const spans = evs.map((e) => ({ e, s: tokenSpan(d, e.trigger.start, e.trigger.end) }));
  for (const g of d.events) {
    const t = typeForKairos(g.type); if (!t) continue;
    const hit = spans.find(({ e, s }) => s[0] === g.start && s[1] === g.end && e.type === t);
    if (hit) continue;
    const sameSpan = spans.find(({ s }) => s[0] === g.start && s[1] === g.end);
    const [a] = d.spans[Math.max(0, g.start - 8)] as [number, number]; const [, b] = d.spans[Math.min(d.spans.length - 1, g.end + 8)] as [number, number];
    out.push(`${t} [${d.tokens.slice(g.start, g.end).join(' ')}] pred=${sameSpan?.e.type ?? '-'} | ${d.text.slice(a, b).replace(/\n/g, ' ')}`);
  }
}
console.log(out.sort().join('\n'));
