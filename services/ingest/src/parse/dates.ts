const MIN_MS = Date.UTC(1900, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);

const ISO_WITH_OFFSET =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Converts a publication date to an ISO 8601 timestamp. A full ISO timestamp keeps its own UTC offset (the local
 * date matters when "on Friday" is resolved against it). Other forms become UTC: date-only ISO (midnight UTC),
 * RFC 2822 as in RSS, seconds or milliseconds since the epoch. Returns null for anything unparseable or outside
 * 1900-2100.
 */
export function toIsoDate(value: string | number | null | undefined): string | null {
  if (value == null) return null;
  let ms: number;
  if (typeof value === 'number') {
    ms = Math.abs(value) < 1e11 ? value * 1000 : value;
  } else {
    const v = value.trim();
    if (v === '') return null;
    ms = /^\d{9,13}$/.test(v) ? toIsoNumber(Number(v)) : Date.parse(v);
    const iso = ISO_WITH_OFFSET.exec(v);
    if (iso && Number.isFinite(ms) && ms >= MIN_MS && ms < MAX_MS) {
      const offset = iso[4]?.toUpperCase() === 'Z' ? 'Z' : `${iso[4]?.slice(0, 3)}:${iso[4]?.slice(-2)}`;
      return `${iso[1]}T${iso[2]}${iso[3] ?? ':00'}${offset}`;
    }
  }
  if (!Number.isFinite(ms) || ms < MIN_MS || ms >= MAX_MS) return null;
  return new Date(ms).toISOString();
}

function toIsoNumber(n: number): number {
  return n < 1e11 ? n * 1000 : n;
}
