/**
 * WikiEvents reading and alignment for the event evaluation: documents, gold events with argument heads and
 * their coreferent heads, and the joined text the engine runs on (tokens joined by spaces, sentences by blank
 * lines) with a token -> character map.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GoldArgument {
  role: string;
  /** Head token indices (document level) of the argument and of every mention coreferent with it. */
  heads: Set<number>;
}

export interface GoldEvent {
  type: string;
  start: number;
  end: number;
  arguments: GoldArgument[];
}

export interface EvalDoc {
  id: string;
  tokens: string[];
  text: string;
  /** Character span of each token in `text`. */
  spans: [number, number][];
  events: GoldEvent[];
}

interface RawMention {
  id: string;
  start: number;
  end: number;
}
interface RawEvent {
  event_type: string;
  trigger: { start: number; end: number };
  arguments: { entity_id: string; role: string }[];
}
interface RawDoc {
  doc_id: string;
  tokens: string[];
  sentences: [[string, number, number][], string][];
  entity_mentions: RawMention[];
  event_mentions: RawEvent[];
}

const CUT = new Set([
  'of',
  'in',
  'at',
  'from',
  'with',
  ',',
  '(',
  'who',
  'which',
  'that',
  'on',
  'for',
  'by',
  '-LRB-',
  'whose',
  'to',
]);

/** Head token of a token span [a, b): the last token before a post-modifier, skipping a possessive. */
export function headOf(tokens: readonly string[], a: number, b: number): number {
  let end = b;
  for (let k = a + 1; k < b; k++) {
    if (CUT.has((tokens[k] ?? '').toLowerCase())) {
      end = k;
      break;
    }
  }
  let h = end - 1;
  while (h > a && /^(?:'s|’s|'|’|\.|"|”|\))$/.test(tokens[h] ?? '')) h--;
  return h;
}

/** Read dev.jsonl and coref/dev.jsonlines from `dir`; exits with a clear message when absent. */
export function readWikiEvents(dir: string): EvalDoc[] {
  const docsPath = join(dir, 'dev.jsonl');
  const corefPath = join(dir, 'coref', 'dev.jsonlines');
  if (!existsSync(docsPath) || !existsSync(corefPath)) {
    throw new Error(`WikiEvents dev data not found under ${dir} (need dev.jsonl and coref/dev.jsonlines)`);
  }
  const clusters = new Map<string, string[][]>();
  for (const line of readFileSync(corefPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line) as { doc_key: string; clusters: string[][] };
    clusters.set(c.doc_key, c.clusters);
  }
  const out: EvalDoc[] = [];
  for (const line of readFileSync(docsPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    out.push(toEvalDoc(JSON.parse(line) as RawDoc, clusters));
  }
  return out;
}

function toEvalDoc(d: RawDoc, clusters: Map<string, string[][]>): EvalDoc {
  const spans: [number, number][] = [];
  let text = '';
  for (const [sentTokens, sentText] of d.sentences) {
    if (text) text += '\n\n';
    const base = text.length;
    const local = alignTokens(
      sentTokens.map(([tok]) => tok),
      sentText,
    );
    if (local) {
      text += sentText.trimEnd();
      for (const [a, b] of local) spans.push([base + a, base + b]);
      continue;
    }
    sentTokens.forEach(([tok], j) => {
      if (j > 0) text += ' ';
      spans.push([text.length, text.length + tok.length]);
      text += tok;
    });
  }
  const mentions = new Map(d.entity_mentions.map((m) => [m.id, m]));
  const clusterOf = new Map<string, string[]>();
  for (const c of clusters.get(d.doc_id) ?? []) for (const id of c) clusterOf.set(id, c);
  const headsOf = (id: string): Set<number> => {
    const heads = new Set<number>();
    for (const mid of clusterOf.get(id) ?? [id]) {
      const m = mentions.get(mid);
      if (m) heads.add(headOf(d.tokens, m.start, m.end));
    }
    return heads;
  };
  const events = d.event_mentions.map((e) => ({
    type: e.event_type,
    start: e.trigger.start,
    end: e.trigger.end,
    arguments: e.arguments.map((a) => ({ role: a.role, heads: headsOf(a.entity_id) })),
  }));
  return { id: d.doc_id, tokens: d.tokens, text, spans, events };
}

/**
 * Character spans of `tokens` inside the sentence's own text, found left to right with only whitespace between
 * them; undefined when the tokens do not spell the text (then the tokens are joined by spaces instead).
 */
function alignTokens(tokens: readonly string[], sentence: string): [number, number][] | undefined {
  const out: [number, number][] = [];
  let at = 0;
  for (const tok of tokens) {
    const k = sentence.indexOf(tok, at);
    if (k < 0 || sentence.slice(at, k).trim() !== '') return undefined;
    out.push([k, k + tok.length]);
    at = k + tok.length;
  }
  return out;
}

/** Token span [a, b) of the tokens overlapping characters [start, end). */
export function tokenSpan(doc: EvalDoc, start: number, end: number): [number, number] {
  let a = -1;
  let b = -1;
  for (let k = 0; k < doc.spans.length; k++) {
    const [s, e] = doc.spans[k] as [number, number];
    if (e <= start || s >= end) continue;
    if (a < 0) a = k;
    b = k + 1;
  }
  return [a, b];
}
