/** Reads the ECB+ corpus (topics 1-35 tarball) into plain documents with their gold story. Script helper. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ArticleData, articleIdFor, sha256Hex } from '@newsflow/shared';

export interface EcbDoc {
  /** e.g. `1_10ecbplus.xml` */
  name: string;
  topic: number;
  /** Gold story: the topic and which half (ECB or ECB+) the document belongs to; each half is one happening. */
  gold: string;
  text: string;
  /** The source URL, when the document starts with it (ECB+ documents do); kept out of the text as ingest would. */
  url?: string;
}

const TOKEN = /<token t_id="\d+" sentence="(\d+)" number="\d+">([^<]*)<\/token>/g;
const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|n't|'m|'|")$/i;
const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

/** Rebuilds running text from CROMER tokens: spaces between tokens, none before punctuation, a newline per sentence. */
export function detokenize(xml: string): string {
  let text = '';
  let sentence = '';
  let noSpaceAfter = false;
  for (const m of xml.matchAll(TOKEN)) {
    const word = decode(m[2] as string);
    if (m[1] !== sentence) {
      if (text) text += '\n';
      sentence = m[1] as string;
    } else if (!NO_SPACE_BEFORE.test(word) && !noSpaceAfter) text += ' ';
    text += word;
    noSpaceAfter = /^[([{$]$/.test(word);
  }
  return text
    .trim()
    .split('\n')
    .map((line) =>
      // Undo the tokenizer where it split what was one token on the page: a URL, times and dates (`4: 59`, `05 / 02`).
      /^https?:/.test(line)
        ? line.replace(/\s+/g, '')
        : line.replace(/(\d): (?=\d\d(?!\d))/g, '$1:').replace(/(\d) \/ (?=\d)/g, '$1/'),
    )
    .join('\n');
}

/** Splits off a leading source URL line (ECB+ documents start with one). */
function splitUrl(text: string): { text: string; url?: string } {
  const newline = text.indexOf('\n');
  const first = newline === -1 ? text : text.slice(0, newline);
  if (!/^https?:\/\/\S+$/.test(first)) return { text };
  return { text: text.slice(newline + 1).trim(), url: first };
}

/**
 * The document as a plain-text file would hold it, for the ingest parser: the text, then the source URL as a
 * trailing `Source:` line (the convention ingest reads into url and outlet).
 */
export function asFile(doc: EcbDoc): string {
  return doc.url ? `${doc.text}\n\nSource: ${doc.url}\n` : `${doc.text}\n`;
}

/** The document as an article without ingest's parser: the whole text, its URL, no title or date. */
export function asArticle(doc: EcbDoc): ArticleData {
  return {
    id: articleIdFor(doc.text),
    text: doc.text,
    ...(doc.url ? { url: doc.url } : {}),
    receivedAt: '2025-01-01T00:00:00.000Z',
    origin: { kind: 'cli', path: `ecbplus/${doc.name}` },
    contentHash: sha256Hex(doc.text),
    byteSize: Buffer.byteLength(doc.text),
  };
}

/** Unpacks the tarball to a temporary directory and reads every document; throws a clear error if it is absent. */
export function readEcbPlus(dataDir: string): EcbDoc[] {
  const tarball = join(dataDir, 'ECBplus-topics-1-35.tar.gz');
  if (!existsSync(tarball)) {
    throw new Error(`ECB+ not found: expected ${tarball} (set NEWSFLOW_ECBPLUS_DIR or pass --data=<dir>)`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'newsflow-ecb-'));
  try {
    execFileSync('tar', ['xzf', tarball, '-C', tmp]);
    const root = join(tmp, 'ECB+');
    const docs: EcbDoc[] = [];
    const topics = readdirSync(root)
      .filter((t) => /^\d+$/.test(t))
      .map(Number)
      .sort((a, b) => a - b);
    for (const topic of topics) {
      const files = readdirSync(join(root, String(topic)))
        .filter((f) => f.endsWith('.xml'))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      for (const name of files) {
        const { text, url } = splitUrl(detokenize(readFileSync(join(root, String(topic), name), 'utf8')));
        if (!text) continue;
        docs.push({
          name,
          topic,
          gold: `${topic}/${name.endsWith('ecbplus.xml') ? 'ecbplus' : 'ecb'}`,
          text,
          ...(url ? { url } : {}),
        });
      }
    }
    return docs;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** B-cubed precision, recall and F1 of a clustering against gold labels (both keyed by item). */
export function bcubed(
  predicted: Map<string, string>,
  gold: Map<string, string>,
): { p: number; r: number; f1: number } {
  const members = (labels: Map<string, string>) => {
    const out = new Map<string, Set<string>>();
    for (const [item, label] of labels) {
      if (!out.has(label)) out.set(label, new Set());
      out.get(label)?.add(item);
    }
    return out;
  };
  const pm = members(predicted);
  const gm = members(gold);
  let p = 0;
  let r = 0;
  for (const item of gold.keys()) {
    const pc = pm.get(predicted.get(item) ?? `single:${item}`) ?? new Set([item]);
    const gc = gm.get(gold.get(item) as string) as Set<string>;
    let both = 0;
    for (const x of pc) if (gc.has(x)) both++;
    p += both / pc.size;
    r += both / gc.size;
  }
  p /= gold.size;
  r /= gold.size;
  return { p, r, f1: (2 * p * r) / (p + r) };
}
