import { gunzipSync, gzipSync } from 'node:zlib';
import { Gazetteer } from './gazetteer.ts';
import { LinearModel } from './linear-model.ts';

/**
 * Model file: gzip of [u32 header length][JSON header][binary sections, 4-byte aligned]. Feature keys are
 * 32-bit hashes stored as sorted deltas, weights are int16 with one scale per model, so the file holds numbers
 * only, never training text.
 */
const FORMAT = 'newsflow-tagger';
const VERSION = 1;

interface SectionRef {
  offset: number;
  length: number;
}
interface ModelHeader {
  tags: string[];
  scale: number;
  keys: SectionRef;
  weights: SectionRef;
  trans: SectionRef;
}
interface FileHeader {
  format: string;
  version: number;
  kind: string;
  meta: Record<string, unknown>;
  models: Record<string, ModelHeader>;
  gazetteer?: { categories: string[]; maxLen: number; keys: SectionRef; masks: SectionRef };
}

/** What a model file holds: named linear models, an optional gazetteer and free-form metadata. */
export interface ModelBundle {
  kind: string;
  meta: Record<string, unknown>;
  models: Record<string, LinearModel>;
  gazetteer?: Gazetteer | null;
}

class SectionWriter {
  parts: Uint8Array[] = [];
  size = 0;
  add(a: Uint32Array | Int16Array | Float32Array | Uint8Array): SectionRef {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const ref = { offset: this.size, length: a.length };
    this.parts.push(bytes.slice());
    this.size += bytes.length;
    const pad = (4 - (this.size % 4)) % 4;
    if (pad) {
      this.parts.push(new Uint8Array(pad));
      this.size += pad;
    }
    return ref;
  }
}

function encodeModel(m: LinearModel, w: SectionWriter): ModelHeader {
  const T = m.nTags;
  const rows = m.keys.length;
  let maxAbs = 0;
  for (const v of m.weights) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const order = Array.from({ length: rows }, (_, r) => r).sort(
    (a, b) => (m.keys[a] as number) - (m.keys[b] as number),
  );
  const keys: number[] = [];
  const weights: number[] = [];
  let prev = 0;
  for (const r of order) {
    const q = Array.from(m.weights.subarray(r * T, r * T + T), (v) => Math.round(v / scale));
    if (q.every((v) => v === 0)) continue;
    const k = m.keys[r] as number;
    keys.push(k - prev);
    prev = k;
    weights.push(...q);
  }
  return {
    tags: [...m.tags],
    scale,
    keys: w.add(Uint32Array.from(keys)),
    weights: w.add(Int16Array.from(weights)),
    trans: w.add(Float32Array.from(m.trans)),
  };
}

/** Serialises a bundle to the compressed model-file bytes. */
export function encodeBundle(b: ModelBundle): Uint8Array {
  const w = new SectionWriter();
  const models: Record<string, ModelHeader> = {};
  for (const [name, m] of Object.entries(b.models)) models[name] = encodeModel(m, w);
  const header: FileHeader = { format: FORMAT, version: VERSION, kind: b.kind, meta: b.meta, models };
  if (b.gazetteer) {
    const g = b.gazetteer.export();
    header.gazetteer = {
      categories: [...b.gazetteer.categories],
      maxLen: b.gazetteer.maxLen,
      keys: w.add(g.keys),
      masks: w.add(g.masks),
    };
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const pad = (4 - ((4 + json.length) % 4)) % 4;
  const out = new Uint8Array(4 + json.length + pad + w.size);
  new DataView(out.buffer).setUint32(0, json.length + pad, true);
  out.set(json, 4);
  out.fill(0x20, 4 + json.length, 4 + json.length + pad);
  let o = 4 + json.length + pad;
  for (const p of w.parts) {
    out.set(p, o);
    o += p.length;
  }
  return gzipSync(out, { level: 9 });
}

/** Parses model-file bytes; `constraintsFor` rebuilds each model's transition constraints from its tags. */
export function decodeBundle(
  gz: Uint8Array,
  constraintsFor: (kind: string, tags: string[]) => { allowed: Uint8Array; final: Uint8Array },
): ModelBundle {
  const raw = gunzipSync(gz);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const hlen = view.getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(raw.subarray(4, 4 + hlen))) as FileHeader;
  if (header.format !== FORMAT || header.version !== VERSION) {
    throw new Error(`not a ${FORMAT} v${VERSION} model file (found ${header.format} v${header.version})`);
  }
  const base = raw.byteOffset + 4 + hlen;
  const buf = raw.buffer;
  const u32 = (r: SectionRef) => new Uint32Array(buf.slice(base + r.offset, base + r.offset + 4 * r.length));
  const i16 = (r: SectionRef) => new Int16Array(buf.slice(base + r.offset, base + r.offset + 2 * r.length));
  const f32 = (r: SectionRef) => new Float32Array(buf.slice(base + r.offset, base + r.offset + 4 * r.length));
  const models: Record<string, LinearModel> = {};
  for (const [name, h] of Object.entries(header.models)) {
    const keys = u32(h.keys);
    for (let i = 1; i < keys.length; i++) keys[i] = ((keys[i] as number) + (keys[i - 1] as number)) >>> 0;
    const q = i16(h.weights);
    const weights = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) weights[i] = (q[i] as number) * h.scale;
    const model = new LinearModel(h.tags, keys, weights, f32(h.trans), constraintsFor(header.kind, h.tags));
    model.quantized = { weights: q, scale: h.scale };
    models[name] = model;
  }
  const g = header.gazetteer;
  const gazetteer = g ? new Gazetteer(g.categories, u32(g.keys), u32(g.masks), g.maxLen) : null;
  return { kind: header.kind, meta: header.meta, models, gazetteer };
}
