import { nameTokens, normalizeName } from './names.ts';

/** Roles naming who did what to whom: an event merge needs at least one of them shared. */
export const KEY_ROLES = new Set([
  'agent',
  'attacker',
  'victim',
  'target',
  'participant',
  'defendant',
  'speaker',
  'recipient',
  'giver',
  'beneficiary',
  'passenger',
  'prosecutor',
]);
export const PLACE_ROLES = new Set(['place', 'destination', 'origin']);

/** One argument of an event as the merger sees it: the canonical entity when known, and the text. */
export interface ArgView {
  role: string;
  text: string;
  canonicalId?: string | undefined;
  /** Roles of the entity (`foreign minister`, affiliation `Syria`), to match descriptions like "Syria's foreign minister". */
  roles?: ReadonlyArray<{ title: string; affiliation?: string | undefined; qualifier?: string | undefined }>;
}

/** An event (one article's, or the union of a canonical event's sources). */
export interface EventView {
  type: string;
  args: readonly ArgView[];
  /** Normalised time values (ISO date, date-time or `start/end`) that were resolved against a known date. */
  times: readonly string[];
  /** Canonical ids of every location its article(s) mention: evidence that places are compatible. */
  articleLocations: ReadonlySet<string>;
}

/** A day range [start, end) in epoch days from an ISO date, date-time, month, year or interval. */
export function dayRange(value: string): [number, number] | undefined {
  const [a, b] = value.split('/');
  const start = parseStart(a ?? '');
  if (start === undefined) return undefined;
  if (b) {
    const end = parseStart(b);
    return end === undefined ? undefined : [start[0], Math.max(end[1], start[0] + 1)];
  }
  return start;
}

function parseStart(v: string): [number, number] | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(v);
  if (!m) return undefined;
  const y = Number(m[1]);
  const day = (yy: number, mm: number, dd: number) => Math.floor(Date.UTC(yy, mm, dd) / 86_400_000);
  if (m[3]) return [day(y, Number(m[2]) - 1, Number(m[3])), day(y, Number(m[2]) - 1, Number(m[3])) + 1];
  if (m[2]) return [day(y, Number(m[2]) - 1, 1), day(y, Number(m[2]), 1)];
  return [day(y, 0, 1), day(y + 1, 0, 1)];
}

/** True when some pair of times lies within `windowDays` of each other, or when either side has no time. */
export function timesCompatible(a: readonly string[], b: readonly string[], windowDays: number): boolean {
  const ra = a.map(dayRange).filter((r) => r !== undefined);
  const rb = b.map(dayRange).filter((r) => r !== undefined);
  if (ra.length === 0 || rb.length === 0) return true;
  return ra.some(([s1, e1]) => rb.some(([s2, e2]) => Math.max(s1, s2) - Math.min(e1, e2) < windowDays));
}

/** Does the description `text` ("Syria's foreign minister") fit an entity with these roles? */
function describes(text: string, roles: ArgView['roles']): boolean {
  const t = ` ${normalizeName(text)} `;
  return (roles ?? []).some((r) => {
    const title = nameTokens(r.title).join(' ');
    if (!title || !t.includes(` ${title} `)) return false;
    return !r.affiliation || t.includes(` ${nameTokens(r.affiliation).join(' ')} `);
  });
}

const FILLER = new Set(['of', 'the', 'a', 'an', 's']);

/**
 * True when an entity's name says nothing but one of its own roles: the person entity the extractor makes for
 * "Syria's foreign minister" (role Foreign Minister, affiliation Syria). Such an entity is a description, not an
 * identity, so it may stand for the named holder of that role in another article.
 */
export function isRoleOnly(name: string, roles: ArgView['roles']): boolean {
  if (!roles || roles.length === 0) return false;
  const left = new Set(
    normalizeName(name)
      .split(' ')
      .filter((t) => t && !FILLER.has(t)),
  );
  if (left.size === 0) return false;
  for (const r of roles) {
    for (const part of [r.title, r.affiliation, r.qualifier]) {
      for (const t of normalizeName(part ?? '').split(' ')) left.delete(t);
    }
  }
  return left.size === 0;
}

/** isRoleOnly of an argument, kept beside it (arguments do not change once read). */
const roleOnlyArgs = new WeakMap<ArgView, boolean>();

function roleOnly(x: ArgView): boolean {
  let v = roleOnlyArgs.get(x);
  if (v === undefined) {
    v = isRoleOnly(x.text, x.roles);
    roleOnlyArgs.set(x, v);
  }
  return v;
}

/**
 * The canonical entities among `others` that the description `x` stands for: when `x` is unlinked text or a
 * role-only entity, every other named entity whose roles it describes.
 */
function describedBy(x: ArgView, others: readonly ArgView[]): Set<string> {
  const out = new Set<string>();
  if (x.canonicalId !== undefined && !roleOnly(x)) return out;
  for (const y of others) {
    if (y.canonicalId === undefined || y.canonicalId === x.canonicalId) continue;
    if (roleOnly(y)) continue;
    if (describes(x.text, y.roles)) out.add(y.canonicalId);
  }
  return out;
}

/**
 * The key participants two events share: the same canonical entity, or a description (unlinked text, or a
 * role-only entity such as "Syria's foreign minister") that fits exactly one named entity of the other event.
 */
export function sharedParticipants(a: EventView, b: EventView): number {
  const keyA = a.args.filter((x) => KEY_ROLES.has(x.role));
  const keyB = b.args.filter((x) => KEY_ROLES.has(x.role));
  let shared = 0;
  for (const x of keyA) {
    const hit =
      keyB.some((y) => x.canonicalId !== undefined && x.canonicalId === y.canonicalId) ||
      describedBy(x, keyB).size === 1 ||
      keyB.some((y) => {
        const holders = describedBy(y, keyA);
        return holders.size === 1 && x.canonicalId !== undefined && holders.has(x.canonicalId);
      });
    if (hit) shared++;
  }
  return shared;
}

/**
 * Places are compatible when either event has none, they share a place, or one event's place is a location the
 * other's article mentions (Baghdad and Iraq in an article that speaks of both). Two articles naming different
 * places that neither mentions are about different happenings.
 */
export function placesCompatible(a: EventView, b: EventView): boolean {
  const pa = a.args.filter((x) => PLACE_ROLES.has(x.role));
  const pb = b.args.filter((x) => PLACE_ROLES.has(x.role));
  if (pa.length === 0 || pb.length === 0) return true;
  const ida = new Set(pa.map((x) => x.canonicalId ?? `text:${normalizeName(x.text)}`));
  const idb = new Set(pb.map((x) => x.canonicalId ?? `text:${normalizeName(x.text)}`));
  for (const x of ida) if (idb.has(x) || b.articleLocations.has(x)) return true;
  for (const x of idb) if (a.articleLocations.has(x)) return true;
  return false;
}

/**
 * A merge score for two events: 0 when they cannot be the same happening (different type, no shared key
 * participant, incompatible place or time), else the number of shared key participants.
 */
export function eventMatchScore(a: EventView, b: EventView, windowDays: number): number {
  if (a.type !== b.type) return 0;
  const shared = sharedParticipants(a, b);
  if (shared === 0) return 0;
  if (!placesCompatible(a, b) || !timesCompatible(a.times, b.times, windowDays)) return 0;
  return shared;
}
