import { createHash } from 'node:crypto';

/** Lower-case hex SHA-256 of a UTF-8 string. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A deterministic id: `<prefix>_<24 hex chars>` from the SHA-256 of the parts. Parts are joined with a unit
 * separator so that ('ab','c') and ('a','bc') differ. 96 bits keep collisions negligible for billions of ids.
 */
export function deriveId(prefix: string, ...parts: readonly string[]): string {
  return `${prefix}_${sha256Hex(parts.join('\u001f')).slice(0, 24)}`;
}

/** Article id from the normalised article text: the same text under any file name is the same article. */
export function articleIdFor(normalisedText: string): string {
  return deriveId('art', normalisedText);
}

/** Entity id from (article id, extractor version, canonical key): replays of one extractor version give one id. */
export function entityIdFor(articleId: string, extractorVersion: string, canonicalKey: string): string {
  return deriveId('ent', articleId, extractorVersion, canonicalKey);
}

/** Event id from (article id, extractor version, canonical key), like entities. */
export function eventIdFor(articleId: string, extractorVersion: string, canonicalKey: string): string {
  return deriveId('evt', articleId, extractorVersion, canonicalKey);
}
