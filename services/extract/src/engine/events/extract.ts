/**
 * `extractEvents`: triggers -> arguments -> time, place, modality, source -> (optionally) in-document merging.
 * Pure and deterministic: the output depends only on the document, the entities and the options.
 */
import { findTimes, type TimeMention } from '../time.ts';
import type { Doc } from '../types.ts';
import { findArguments, type RawArgument } from './args.ts';
import { attributionOf } from './attribution.ts';
import { mergeEvents, shareAcrossTypes } from './merge.ts';
import { modalityOf } from './modality.ts';
import { buildViews, type SentenceView } from './sentence-view.ts';
import { eventType } from './taxonomy.ts';
import { findTriggers, type TriggerHit } from './triggers.ts';
import type {
  EventArgument,
  EventEntityInput,
  EventTime,
  ExtractEventsOptions,
  ExtractedEvent,
} from './types.ts';
import { PRONOUNS } from './words.ts';

const NON_VIOLENT_DEATH = new Set(['die', 'perish', 'drown', 'death', 'dead', 'fatality', 'suicide']);

const PLAIN_REPORTING = new Set([
  'say',
  'ask',
  'reply',
  'tell',
  'comment',
  'state',
  'remark',
  'acknowledge',
  'admit',
  'stress',
  'emphasize',
  'emphasise',
  'highlight',
  'insist',
  'assert',
]);

/**
 * Plain reporting verbs ("she said", "critics say", "an official told reporters") are kept as statements only
 * when the speaker is a named or resolved entity; announcements, declarations, confirmations, claims and
 * statement nouns are always kept.
 */
function newsworthyStatement(e: ExtractedEvent, hit: TriggerHit): boolean {
  if (hit.nominal || !PLAIN_REPORTING.has(hit.lemma)) return true;
  const speaker = e.arguments.find((a) => a.role === 'speaker');
  if (!speaker) return false;
  if (speaker.entityKey) return true;
  const last = speaker.text.split(/\s+/).at(-1) ?? '';
  return /^\p{Lu}/u.test(last) && !PRONOUNS.has(last.toLowerCase());
}

/**
 * A participial reporting clause after a statement of the same sentence, with no speaker of its own or the same
 * one ("ETA issued a statement denying responsibility, ... claiming that ..."), gives that statement's content.
 */
function elaboratesStatement(
  e: ExtractedEvent,
  hit: TriggerHit,
  stated: ReadonlyMap<number, Set<string>>,
): boolean {
  const speakers = stated.get(hit.si);
  if (!speakers || hit.form !== 'ing' || hit.nominal) return false;
  const own = e.arguments.find((a) => a.role === 'speaker');
  return !own || speakers.has(own.entityKey ?? own.text.toLowerCase());
}

/** Extract the events of one document. `entities` are the entity clusters of the same document. */
export function extractEvents(
  doc: Doc,
  entities: readonly EventEntityInput[],
  opts: ExtractEventsOptions = {},
): ExtractedEvent[] {
  const views = buildViews(doc, entities);
  const hits = findTriggers(views);
  const times =
    opts.times ??
    findTimes(
      doc.text,
      doc.publishedAt,
      doc.sentences.map((s) => [s.start, s.end]),
    );
  const reporters = hits.filter((h) => h.sense.type === 'contact.statement');
  const attributing = new Set<TriggerHit>();
  const built = hits.map((h) => buildEvent(views[h.si] as SentenceView, h, reporters, times, attributing));
  // A reporting clause that only attributes another event is that event's source, not an event of its own.
  const stated = new Map<number, Set<string>>();
  const events = built.filter((e, k) => {
    const hit = hits[k] as TriggerHit;
    const foldedIntoSource = attributing.has(hit) && PLAIN_REPORTING.has(hit.lemma);
    if (foldedIntoSource || (e.type === 'contact.statement' && !newsworthyStatement(e, hit))) return false;
    if (e.type !== 'contact.statement') return true;
    if (elaboratesStatement(e, hit, stated)) return false;
    const speakers = stated.get(hit.si) ?? new Set<string>();
    for (const a of e.arguments) if (a.role === 'speaker') speakers.add(a.entityKey ?? a.text.toLowerCase());
    stated.set(hit.si, speakers);
    return true;
  });
  shareAcrossTypes(events);
  return opts.merge === false ? events : mergeEvents(events);
}

function span(v: SentenceView, a: number, b: number): { text: string; start: number; end: number } {
  const start = v.toks[a]?.start ?? 0;
  const end = v.toks[b - 1]?.end ?? start;
  return { text: v.doc.text.slice(start, end), start, end };
}

function toArgument(v: SentenceView, r: RawArgument): EventArgument {
  const arg: EventArgument = { role: r.role, ...span(v, r.phrase.a, r.phrase.b) };
  if (r.phrase.entityKey) arg.entityKey = r.phrase.entityKey;
  return arg;
}

/** The time expression of the trigger's sentence nearest to the trigger. */
function nearestTime(v: SentenceView, at: number, times: readonly TimeMention[]): TimeMention | undefined {
  let best: TimeMention | undefined;
  for (const t of times) {
    if (t.start < v.sentence.start || t.end > v.sentence.end) continue;
    if (!best || Math.abs(t.start - at) < Math.abs(best.start - at)) best = t;
  }
  return best;
}

function isFuture(t: TimeMention | undefined, publishedAt: string | undefined): boolean {
  if (!t || !publishedAt || !t.time.start) return false;
  return t.time.start > publishedAt.slice(0, 10);
}

function buildEvent(
  v: SentenceView,
  hit: TriggerHit,
  reporters: readonly TriggerHit[],
  times: readonly TimeMention[],
  attributing: Set<TriggerHit>,
): ExtractedEvent {
  const def = eventType(hit.sense.type);
  const tok = v.toks[hit.i];
  const trigger = span(v, hit.i, hit.end);
  const args = findArguments(v, hit).map((r) => toArgument(v, r));
  const tm = nearestTime(v, tok?.start ?? 0, times);
  let time: EventTime | undefined;
  if (tm && !args.some((a) => a.start <= tm.start && tm.end <= a.end)) {
    time = { text: tm.text };
    if (tm.time.value) time.value = tm.time.value;
    time.granularity = tm.time.granularity;
    args.push({ role: 'time', text: tm.text, start: tm.start, end: tm.end });
  }
  const attribution = hit.sense.type === 'contact.statement' ? undefined : attributionOf(v, hit, reporters);
  if (attribution?.reporter) attributing.add(attribution.reporter);
  let modality = modalityOf(v, hit.i, isFuture(tm, v.doc.publishedAt));
  if (modality === 'asserted' && attribution?.hedging) modality = 'hedged';
  const violent = args.some((a) => a.role === 'agent' || a.role === 'instrument');
  const natural = hit.sense.type === 'life.die' && NON_VIOLENT_DEATH.has(hit.lemma) && !violent;
  const mode = hit.sense.mode ?? def.plover.mode;
  const event: ExtractedEvent = {
    type: def.type,
    trigger,
    evidence: { ...span(v, 0, v.toks.length), sentence: v.si },
    arguments: args,
    modality,
    confidence: confidence(hit.sense.conf, args.length),
    plover: natural
      ? { event: 'NONE' }
      : mode
        ? { event: def.plover.event, mode }
        : { event: def.plover.event },
    cameo: natural ? '' : (hit.sense.cameo ?? def.cameo),
  };
  if (time) event.time = time;
  const place = args.find((a) => a.role === 'place');
  if (place) event.place = place.entityKey ? { ...spanOf(place), entityKey: place.entityKey } : spanOf(place);
  if (attribution) {
    const src = span(v, attribution.phrase.a, attribution.phrase.b);
    event.source = attribution.phrase.entityKey
      ? { text: src.text, entityKey: attribution.phrase.entityKey }
      : { text: src.text };
  }
  return event;
}

function spanOf(a: EventArgument): { text: string; start: number; end: number } {
  return { text: a.text, start: a.start, end: a.end };
}

/** Prior of the trigger sense, raised a little by each argument found (capped). */
function confidence(prior: number, nArgs: number): number {
  return Math.round(Math.min(0.95, prior * (0.85 + 0.05 * Math.min(3, nArgs))) * 100) / 100;
}
