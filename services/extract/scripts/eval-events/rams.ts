/**
 * RAMS 1.0 dev as a second development set for the event extractor. RAMS annotates exactly one event per
 * five-sentence example, so only trigger recall is measurable (a prediction elsewhere is not an error); the
 * number of predictions per example is reported beside it so that a change which removes predictions can be
 * judged by how many annotated events it loses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** RAMS (AIDA) type prefixes -> our type; the first matching prefix wins, unlisted types are not covered. */
const RAMS_MAP: readonly [string, string][] = [
  ['artifactexistence.damagedestroy.', 'artifact.damage'],
  ['conflict.attack.stealrobhijack', ''],
  ['conflict.attack.', 'conflict.attack'],
  ['conflict.demonstrate.', 'conflict.demonstrate'],
  ['conflict.yield.retreat', 'movement.withdraw'],
  ['contact.mediastatement.', 'contact.statement'],
  ['contact.publicstatementinperson.', 'contact.statement'],
  ['contact.discussion.', 'contact.meet'],
  ['contact.negotiate.', 'contact.meet'],
  ['contact.requestadvise.', 'contact.request'],
  ['contact.commandorder.', 'contact.request'],
  ['contact.threatencoerce.', 'contact.threaten'],
  ['contact.commitmentpromiseexpressintent.', 'government.agree'],
  ['government.agreements.acceptagreementcontractceasefire', 'government.agree'],
  ['disaster.accidentcrash.', 'disaster.crash'],
  ['disaster.fireexplosion.', 'disaster.fire'],
  ['justice.arrestjaildetain.', 'justice.arrest'],
  ['justice.initiatejudicialprocess.chargeindict', 'justice.charge'],
  ['justice.initiatejudicialprocess.trialhearing', 'justice.trial'],
  ['justice.investigate.', 'justice.investigate'],
  ['justice.judicialconsequences.convict', 'justice.convict'],
  ['justice.judicialconsequences.execute', 'life.die'],
  ['life.die.', 'life.die'],
  ['life.injure.illness', ''],
  ['life.injure.', 'life.injure'],
  ['movement.transportperson.selfmotion', 'movement.transport'],
  ['movement.transportperson.evacuationrescue', 'movement.transport'],
  ['movement.transportperson.smuggleextract', 'movement.transport'],
  ['movement.transportperson.n/a', 'movement.transport'],
  ['movement.transportartifact.bringcarryunload', 'movement.transport'],
  ['movement.transportartifact.smuggleextract', 'movement.transport'],
  ['movement.transportartifact.n/a', 'movement.transport'],
  ['personnel.endposition.', 'personnel.end_position'],
  ['personnel.startposition.', 'personnel.start_position'],
  ['personnel.elect.', 'personnel.start_position'],
  ['transaction.transaction.embargosanction', 'government.sanction'],
  ['transaction.transfermoney.embargosanction', 'government.sanction'],
  ['transaction.transferownership.embargosanction', 'government.sanction'],
  ['transaction.transaction.giftgrantprovideaid', 'government.aid'],
  ['transaction.transfermoney.giftgrantprovideaid', 'government.aid'],
  ['transaction.transferownership.giftgrantprovideaid', 'government.aid'],
  ['transaction.transferownership.purchase', 'transaction.transfer'],
  ['transaction.transfermoney.purchase', 'transaction.transfer'],
];

/** Our type for a RAMS type, or undefined when not covered. */
export function typeForRams(t: string): string | undefined {
  const hit = RAMS_MAP.find(([p]) => t.startsWith(p));
  return hit?.[1] || undefined;
}

export interface RamsExample {
  id: string;
  tokens: string[];
  text: string;
  spans: [number, number][];
  /** The annotated trigger: token span [start, end) and RAMS type. */
  trigger: { start: number; end: number; type: string };
}

/** Read dev.jsonlines from `dir` (tokens joined by spaces, sentences by blank lines, as for WikiEvents). */
export function readRams(dir: string): RamsExample[] {
  const path = join(dir, 'dev.jsonlines');
  if (!existsSync(path)) throw new Error(`RAMS dev data not found under ${dir} (need dev.jsonlines)`);
  const out: RamsExample[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as {
      doc_key: string;
      sentences: string[][];
      evt_triggers: [number, number, [string, number][]][];
    };
    const tokens: string[] = [];
    const spans: [number, number][] = [];
    let text = '';
    for (const s of d.sentences) {
      if (text) text += '\n\n';
      s.forEach((tok, j) => {
        if (j > 0) text += ' ';
        spans.push([text.length, text.length + tok.length]);
        tokens.push(tok);
        text += tok;
      });
    }
    const [t] = d.evt_triggers;
    if (!t) continue;
    out.push({
      id: d.doc_key,
      tokens,
      text,
      spans,
      trigger: { start: t[0], end: t[1] + 1, type: t[2][0]?.[0] ?? '' },
    });
  }
  return out;
}
