import { loadNerModel, loadPosModel } from '@newsflow/ner';
import { extractEntities } from '../../src/engine/entities.ts';
import { extractEvents } from '../../src/engine/events/index.ts';
import { eventType, typeForKairos } from '../../src/engine/events/taxonomy.ts';
import { createLexicon } from '../../src/engine/lexicon/index.ts';
import { createNerStage } from '../../src/engine/ner.ts';
import { buildDoc } from '../../src/engine/sentences.ts';
import { headOf, readWikiEvents, tokenSpan } from './wikievents.ts';

const want = process.argv[2];
const ner = createNerStage(loadNerModel());
const lexicon = createLexicon();
const pos = loadPosModel();
const docs = readWikiEvents('/work/shared/eval/data/wikievents');
for (const d of docs) {
  const doc = buildDoc(d.text);
  const tags = pos.tagDocument(doc.sentences.map((s) => s.tokens.map((t) => t.text)));
  doc.sentences.forEach((s, si) => s.tokens.forEach((t, ti) => (t.pos = tags[si]?.[ti] ?? t.pos)));
  const ents = extractEntities(doc, { ner, lexicon, articleId: d.id, version: 'x' });
  const evs = extractEvents(doc, ents, { merge: false });
  for (const e of evs) {
    if (want && e.type !== want) continue;
    const [s, t] = tokenSpan(d, e.trigger.start, e.trigger.end);
    const g = d.events.find((g) => g.start === s && g.end === t && typeForKairos(g.type) === e.type);
    if (!g) continue;
    const kr = eventType(e.type).kairosRoles as Record<string, string[]>;
    const preds = e.arguments
      .filter((a) => a.role !== 'time')
      .map((a) => {
        const [x, y] = tokenSpan(d, a.start, a.end);
        const h = headOf(d.tokens, x, y);
        const ok = g.arguments.some((ga) => ga.heads.has(h) && kr[a.role]?.includes(ga.role));
        return `${ok ? '+' : '-'}${a.role}=${d.tokens[h]}`;
      });
    const miss = g.arguments
      .filter(
        (ga) =>
          !e.arguments.some((a) => {
            const [x, y] = tokenSpan(d, a.start, a.end);
            return ga.heads.has(headOf(d.tokens, x, y)) && kr[a.role]?.includes(ga.role);
          }),
      )
      .map((ga) => `${ga.role}=${[...ga.heads].map((h) => d.tokens[h]).join('/')}`);
    console.log(
      `${e.type} [${e.trigger.text}] ${preds.join(' ')} || MISS ${miss.join(' ')} || ${e.evidence.text.slice(0, 150)}`,
    );
  }
}
