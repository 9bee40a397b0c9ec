/**
 * Builds test-fixtures/seeds.json from the hand-written extraction below and the two seed articles in
 * /work/main/seeds (repository `seeds/`). The spec is what a reviewer checks: names, aliases, roles and the
 * mention/trigger/argument strings; this script only computes offsets, sentence indices and deterministic ids,
 * shaped like services/extract will publish them. Run: node services/store/scripts/build-seed-fixtures.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AnyMessage,
  articleIdFor,
  deriveId,
  type EntityData,
  type EventData,
  entityIdFor,
  eventIdFor,
  makeMessage,
  parseMessage,
  sha256Hex,
} from '@newsflow/shared';

const root = join(import.meta.dirname, '..', '..', '..');
const extractor = { name: 'newsflow-extract', version: 'fixture-1' };
const TIME = new Date('2025-03-15T12:00:00.000Z');

type EntitySpec = {
  type: EntityData['type'];
  name: string;
  aliases?: string[];
  roles?: EntityData['roles'];
  /** Mention strings, each found at its next occurrence after the previous mention of the same string. */
  mentions: string[];
  salience: number;
  normalized?: string;
};
type ArgSpec = {
  role: EventData['arguments'][number]['role'];
  text: string;
  entity?: string;
  after?: string;
};
type EventSpec = {
  type: string;
  /** The trigger word and a context string it occurs in (to pick the right occurrence). */
  trigger: string;
  context: string;
  args: ArgSpec[];
  time?: EventData['time'];
  source?: string;
  plover: EventData['plover'];
  cameo: string;
  confidence: number;
};
type ArticleSpec = {
  file: string;
  outlet: string;
  url?: string;
  title: string;
  entities: EntitySpec[];
  events: EventSpec[];
};

const SEEDS: ArticleSpec[] = [
  {
    file: '000_5b10a9bad318bf07.txt',
    outlet: 'www.military.com',
    title: 'Iraq kills Islamic State deputy caliph al-Rifai',
    entities: [
      {
        type: 'person',
        name: 'Abdallah Maki Mosleh al-Rifai',
        aliases: ['al-Rifai', 'Abu Khadija'],
        roles: [{ title: 'deputy caliph', affiliation: 'Islamic State' }],
        mentions: [
          'Abdallah Maki Mosleh al-Rifai',
          'Abdallah Maki Mosleh al-Rifai',
          'Abu Khadija',
          'Al-Rifai',
          'Abu Khadija',
        ],
        salience: 0.95,
      },
      {
        type: 'person',
        name: 'Mohammed Shia al-Sudani',
        aliases: ['al-Sudani'],
        roles: [{ title: 'Prime Minister', affiliation: 'Iraq' }],
        mentions: ['Mohammed Shia al-Sudani', 'al-Sudani'],
        salience: 0.6,
      },
      {
        type: 'person',
        name: 'Fouad Hussein',
        roles: [{ title: 'Foreign Minister', affiliation: 'Iraq' }],
        mentions: ['Fouad Hussein'],
        salience: 0.3,
      },
      {
        type: 'person',
        name: 'Bashar Assad',
        roles: [{ title: 'President', affiliation: 'Syria', qualifier: 'former' }],
        mentions: ['Bashar Assad'],
        salience: 0.2,
      },
      {
        type: 'organization',
        name: 'Islamic State',
        aliases: ['IS', 'ISIS'],
        mentions: ['Islamic State', 'IS', 'Islamic State', 'ISIS', 'IS', 'IS', 'IS', 'IS'],
        salience: 0.8,
      },
      {
        type: 'organization',
        name: 'Iraqi intelligence service',
        aliases: ['national intelligence service'],
        mentions: ['Iraqi intelligence service', 'national intelligence service'],
        salience: 0.5,
      },
      {
        type: 'organization',
        name: 'U.S.-led coalition',
        mentions: ['U.S.-led coalition'],
        salience: 0.3,
      },
      { type: 'location', name: 'Iraq', mentions: ['Iraq', 'Iraq', 'Iraq', 'Iraq'], salience: 0.8 },
      { type: 'location', name: 'Syria', mentions: ['Syria', 'Syria', 'Syria'], salience: 0.6 },
      {
        type: 'location',
        name: 'Anbar province',
        aliases: ['Anbar'],
        mentions: ['Anbar province'],
        salience: 0.4,
      },
      { type: 'location', name: 'Turkey', mentions: ['Turkey'], salience: 0.1 },
      { type: 'location', name: 'Jordan', mentions: ['Jordan'], salience: 0.1 },
      { type: 'location', name: 'Lebanon', mentions: ['Lebanon'], salience: 0.1 },
      { type: 'nationality', name: 'Iraqi', mentions: ['Iraqi', 'Iraqi'], salience: 0.3, normalized: 'Iraq' },
      { type: 'date', name: 'Friday', mentions: ['Friday'], salience: 0.2 },
    ],
    events: [
      {
        type: 'life.die',
        trigger: 'killed',
        context: 'has killed Abdallah',
        args: [
          { role: 'agent', text: 'The Iraqi intelligence service', entity: 'Iraqi intelligence service' },
          { role: 'victim', text: 'Abdallah Maki Mosleh al-Rifai', entity: 'Abdallah Maki Mosleh al-Rifai' },
        ],
        plover: { event: 'ASSAULT' },
        cameo: '1823',
        confidence: 0.85,
      },
      {
        type: 'contact.statement',
        trigger: 'announcement',
        context: 'The announcement was made',
        args: [{ role: 'speaker', text: 'Mohammed Shia al-Sudani', entity: 'Mohammed Shia al-Sudani' }],
        plover: { event: 'NONE' },
        cameo: '010',
        confidence: 0.7,
      },
      {
        type: 'contact.visit',
        trigger: 'visit',
        context: 'a visit from Syria',
        args: [
          { role: 'participant', text: 'Syria’s foreign minister' },
          { role: 'destination', text: 'Iraq', entity: 'Iraq', after: 'foreign minister to ' },
        ],
        plover: { event: 'CONSULT', mode: 'visit' },
        cameo: '042',
        confidence: 0.75,
      },
    ],
  },
  {
    file: '001_1ea5e807f02e7703.txt',
    outlet: 'www.timesofisrael.com',
    url: 'https://www.timesofisrael.com/head-of-isis-in-iraq-and-syria-killed-in-airstrike-during-us-iraqi-joint-operation/',
    title: 'Head of ISIS in Iraq and Syria killed in airstrike during US-Iraqi joint operation',
    entities: [
      {
        type: 'person',
        name: 'Abdallah Maki Mosleh al-Rifai',
        aliases: ['Abu Khadija', 'al-Rifai'],
        roles: [{ title: 'deputy caliph', affiliation: 'ISIS' }],
        mentions: ['Abdallah Maki Mosleh al-Rifai', 'Abu Khadija', 'al-Rifai', 'al-Rifai'],
        salience: 0.95,
      },
      {
        type: 'person',
        name: 'Mohammed Shia al-Sudani',
        aliases: ['al-Sudani'],
        roles: [{ title: 'Prime Minister', affiliation: 'Iraq' }],
        mentions: ['Mohammed Shia al-Sudani', 'al-Sudani', 'al-Sudani'],
        salience: 0.6,
      },
      {
        type: 'person',
        name: 'Donald Trump',
        roles: [{ title: 'President', affiliation: 'US', qualifier: 'former' }],
        mentions: ['Donald Trump'],
        salience: 0.3,
      },
      {
        type: 'person',
        name: 'Asaad Hassan al-Shibani',
        roles: [{ title: 'Foreign Minister', affiliation: 'Syria', qualifier: 'interim' }],
        mentions: ['Asaad Hassan al-Shibani'],
        salience: 0.4,
      },
      {
        type: 'person',
        name: 'Fouad Hussein',
        roles: [{ title: 'Foreign Minister', affiliation: 'Iraq' }],
        mentions: ['Fouad Hussein'],
        salience: 0.3,
      },
      {
        type: 'person',
        name: 'Bashar al-Assad',
        aliases: ['Assad'],
        roles: [{ title: 'President', affiliation: 'Syria', qualifier: 'former' }],
        mentions: ['Bashar al-Assad', 'Assad'],
        salience: 0.2,
      },
      {
        type: 'organization',
        name: 'Islamic State',
        aliases: ['ISIS'],
        mentions: ['Islamic State', 'ISIS', 'ISIS', 'ISIS', 'ISIS', 'ISIS', 'ISIS', 'ISIS'],
        salience: 0.8,
      },
      {
        type: 'organization',
        name: 'Iraqi national intelligence forces',
        mentions: ['Iraqi national intelligence forces'],
        salience: 0.4,
      },
      {
        type: 'organization',
        name: 'US-led coalition',
        mentions: ['US-led coalition', 'US-led coalition'],
        salience: 0.3,
      },
      {
        type: 'organization',
        name: 'Hayat Tahrir al-Sham',
        aliases: ['HTS'],
        mentions: ['Hayat Tahrir al-Sham', 'HTS'],
        salience: 0.2,
      },
      {
        type: 'organization',
        name: 'Coordination Framework',
        mentions: ['Coordination Framework'],
        salience: 0.1,
      },
      { type: 'location', name: 'Iraq', mentions: ['Iraq', 'Iraq', 'Iraq', 'Iraq', 'Iraq'], salience: 0.8 },
      { type: 'location', name: 'Syria', mentions: ['Syria', 'Syria', 'Syria', 'Syria'], salience: 0.6 },
      {
        type: 'location',
        name: 'Anbar province',
        aliases: ['Anbar'],
        mentions: ['Anbar province'],
        salience: 0.4,
      },
      { type: 'location', name: 'Baghdad', mentions: ['Baghdad'], salience: 0.3, normalized: 'Iraq' },
      { type: 'location', name: 'Turkey', mentions: ['Turkey'], salience: 0.1 },
      { type: 'location', name: 'Jordan', mentions: ['Jordan'], salience: 0.1 },
      { type: 'location', name: 'Lebanon', mentions: ['Lebanon'], salience: 0.1 },
      { type: 'date', name: 'Thursday night', mentions: ['Thursday night'], salience: 0.2 },
    ],
    events: [
      {
        type: 'life.die',
        trigger: 'killed',
        context: 'has been killed in an airstrike',
        args: [
          { role: 'victim', text: 'Abdallah Maki Mosleh al-Rifai', entity: 'Abdallah Maki Mosleh al-Rifai' },
          { role: 'instrument', text: 'airstrike' },
          {
            role: 'agent',
            text: 'Iraqi national intelligence forces',
            entity: 'Iraqi national intelligence forces',
          },
        ],
        plover: { event: 'ASSAULT', mode: 'aerial' },
        cameo: '1823',
        confidence: 0.9,
      },
      {
        type: 'contact.statement',
        trigger: 'confirmed',
        context: 'confirmed the development',
        args: [{ role: 'speaker', text: 'Mohammed Shia al-Sudani', entity: 'Mohammed Shia al-Sudani' }],
        time: { text: 'Friday', value: 'XXXX-WXX-5', granularity: 'day', resolved: false },
        plover: { event: 'NONE' },
        cameo: '010',
        confidence: 0.8,
      },
      {
        type: 'contact.visit',
        trigger: 'visit',
        context: 'the visit of Syria',
        args: [
          { role: 'participant', text: 'Asaad Hassan al-Shibani', entity: 'Asaad Hassan al-Shibani' },
          { role: 'destination', text: 'Baghdad', entity: 'Baghdad' },
        ],
        plover: { event: 'CONSULT', mode: 'visit' },
        cameo: '042',
        confidence: 0.8,
      },
    ],
  },
];

/** Sentence starts: . ! ? (maybe a closing quote), space, then a capital; `U.S.` does not end a sentence. */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/(?<!\.\p{Lu})[.!?]["”]?\s+(?=["“]?\p{Lu})/gu))
    starts.push((m.index ?? 0) + m[0].length);
  return starts;
}
const sentenceOf = (starts: number[], offset: number) => starts.filter((s) => s <= offset).length - 1;

/** The next whole-word occurrence of `needle` at or after `from` that no earlier mention already covers. */
function find(
  text: string,
  needle: string,
  from: number,
  what: string,
  covered: Array<[number, number]> = [],
): number {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    if (!covered.some(([s, e]) => at >= s && at < e)) return at;
  }
  throw new Error(`'${needle}' (${what}) not found after offset ${from}`);
}

function build(spec: ArticleSpec): AnyMessage[] {
  const text = readFileSync(join(root, 'seeds', spec.file), 'utf8').trim();
  const articleId = articleIdFor(text);
  const starts = sentenceStarts(text);
  const out: AnyMessage[] = [
    makeMessage('news.article.raw.v1', {
      id: articleId,
      source: 'newsflow/ingest',
      subject: articleId,
      time: TIME,
      data: {
        id: articleId,
        title: spec.title,
        text,
        ...(spec.url ? { url: spec.url } : {}),
        outlet: spec.outlet,
        language: 'en',
        receivedAt: TIME.toISOString(),
        origin: { kind: 'file', path: spec.file },
        contentHash: sha256Hex(text),
        byteSize: Buffer.byteLength(text),
      },
    }),
  ];
  const entityIds = new Map<string, string>();
  for (const e of spec.entities) {
    const id = entityIdFor(articleId, extractor.version, `${e.type}:${e.name}`);
    entityIds.set(e.name, id);
    const last = new Map<string, number>();
    const covered: Array<[number, number]> = [];
    const mentions = e.mentions.map((m) => {
      const start = find(text, m, last.get(m) ?? 0, e.name, covered);
      last.set(m, start + m.length);
      covered.push([start, start + m.length]);
      return { text: m, start, end: start + m.length, sentence: sentenceOf(starts, start) };
    });
    mentions.sort((a, b) => a.start - b.start);
    const data: EntityData = {
      id,
      articleId,
      type: e.type,
      name: e.name,
      aliases: e.aliases ?? [],
      roles: e.roles ?? [],
      mentions,
      salience: e.salience,
      confidence: 0.9,
      ...(e.normalized ? { normalized: e.normalized } : {}),
      extractor,
    };
    out.push(
      makeMessage('news.entity.v1', { id, source: 'newsflow/extract', subject: articleId, time: TIME, data }),
    );
  }
  const eventIds: string[] = [];
  for (const ev of spec.events) {
    const ctx = find(text, ev.context, 0, `context of ${ev.type}`);
    const tStart = find(text, ev.trigger, ctx, `trigger of ${ev.type}`);
    const sentence = sentenceOf(starts, tStart);
    const sStart = starts[sentence] as number;
    const sEnd = (starts[sentence + 1] ?? text.length + 1) - 1;
    const evidenceText = text.slice(sStart, sEnd).trimEnd();
    const args = ev.args.map((a) => {
      const base = a.after ? text.indexOf(a.after, sStart) + a.after.length : sStart;
      if (base < sStart) throw new Error(`anchor '${a.after}' not found`);
      const start = find(text, a.text, base, `argument of ${ev.type}`);
      const entityId = a.entity ? entityIds.get(a.entity) : undefined;
      if (a.entity && !entityId) throw new Error(`unknown entity ${a.entity}`);
      return {
        role: a.role,
        text: a.text,
        start,
        end: start + a.text.length,
        ...(entityId ? { entityId } : {}),
      };
    });
    const id = eventIdFor(articleId, extractor.version, `${ev.type}:${tStart}`);
    eventIds.push(id);
    const data: EventData = {
      id,
      articleId,
      type: ev.type,
      trigger: { text: ev.trigger, start: tStart, end: tStart + ev.trigger.length },
      evidence: { text: evidenceText, start: sStart, end: sStart + evidenceText.length, sentence },
      arguments: args,
      ...(ev.time ? { time: ev.time } : {}),
      modality: 'asserted',
      confidence: ev.confidence,
      plover: ev.plover,
      cameo: ev.cameo,
      extractor,
    };
    out.push(
      makeMessage('news.event.v1', { id, source: 'newsflow/extract', subject: articleId, time: TIME, data }),
    );
  }
  const ids = [...entityIds.values()];
  out.push(
    makeMessage('news.article.extracted.v1', {
      id: deriveId('cmp', articleId, extractor.version),
      source: 'newsflow/extract',
      subject: articleId,
      time: TIME,
      data: {
        articleId,
        extractor,
        entityCount: ids.length,
        eventCount: eventIds.length,
        entityIds: ids,
        eventIds,
        durationMs: 12,
      },
    }),
  );
  for (const m of out) {
    const parsed = parseMessage(JSON.parse(JSON.stringify(m)));
    if (!parsed.ok) throw new Error(`fixture message ${m.id} is invalid: ${parsed.reason}`);
  }
  return out;
}

const messages = SEEDS.flatMap(build);
const target = join(import.meta.dirname, '..', 'test-fixtures', 'seeds.json');
writeFileSync(target, `${JSON.stringify(messages, null, 2)}\n`);
console.log(`wrote ${messages.length} messages to ${target}`);
