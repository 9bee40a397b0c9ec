import { z } from 'zod';
import { idOf, timestamp } from './common.ts';
import { envelope } from './envelope.ts';

export const ArticleOrigin = z
  .object({
    kind: z
      .enum(['file', 'http', 'cli'])
      .describe('How the article entered: watched folder, HTTP push or CLI.'),
    path: z
      .string()
      .optional()
      .describe('For files: the path relative to the inbox (or as given to the CLI).'),
    line: z.number().int().positive().optional().describe('For JSONL files: the 1-based line number.'),
  })
  .describe('Where the article came from.');

export const ArticleData = z
  .object({
    id: idOf('art').describe('Content-derived id: the hash of the normalised text.'),
    title: z.string().optional().describe('Headline, when known.'),
    text: z.string().min(1).describe('Clean, normalised body text (Unicode NFC); all offsets refer to it.'),
    url: z.string().optional().describe('Canonical URL of the article, when known.'),
    outlet: z.string().optional().describe('Publishing outlet or host, e.g. `www.timesofisrael.com`.'),
    byline: z.string().optional().describe('Author(s) as printed.'),
    language: z.string().optional().describe('ISO 639-1 language code, when detected or given.'),
    publishedAt: timestamp().optional().describe('Publication time, when known; resolves relative dates.'),
    receivedAt: timestamp().describe('When ingest received the input.'),
    origin: ArticleOrigin,
    contentHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('SHA-256 (hex) of the normalised text.'),
    byteSize: z.number().int().nonnegative().describe('Size of the normalised text in UTF-8 bytes.'),
  })
  .describe('An ingested article.');
export type ArticleData = z.infer<typeof ArticleData>;

export const ARTICLE_RAW_V1 = 'news.article.raw.v1';
export const ArticleRawV1 = envelope(
  ARTICLE_RAW_V1,
  ArticleData,
  'An article as ingested (news.articles.raw).',
);
export type ArticleRawV1 = z.infer<typeof ArticleRawV1>;
