import { z } from 'zod';
import { timestamp } from './common.ts';
import { envelope } from './envelope.ts';

/** Why ingest turned an input away. */
export const REJECTION_REASONS = [
  'empty',
  'binary',
  'encoding',
  'too_large',
  'unsupported_type',
  'invalid_json',
  'invalid_article',
  'missing_text',
  'line_too_long',
  'too_many_articles',
  'unsafe_path',
  'unreadable',
  'unstable',
  'internal',
] as const;

export const RejectionData = z
  .object({
    input: z
      .string()
      .min(1)
      .describe('What was rejected: a path relative to the inbox, `http`, or a CLI path.'),
    origin: z.enum(['file', 'http', 'cli']).describe('How the input arrived.'),
    line: z.number().int().positive().optional().describe('For JSONL inputs: the 1-based line that failed.'),
    reason: z.enum(REJECTION_REASONS).describe('Machine-readable reason code.'),
    message: z.string().min(1).describe('Human-readable explanation.'),
    failedPath: z
      .string()
      .optional()
      .describe('Where the file was moved, relative to the inbox (`failed/...`).'),
    byteSize: z.number().int().nonnegative().optional().describe('Size of the input in bytes, when known.'),
    rejectedAt: timestamp().describe('When the input was rejected.'),
  })
  .describe('An input that ingest rejected.');
export type RejectionData = z.infer<typeof RejectionData>;

export const ARTICLE_REJECTED_V1 = 'news.article.rejected.v1';
export const ArticleRejectedV1 = envelope(
  ARTICLE_REJECTED_V1,
  RejectionData,
  'An input that ingest rejected (news.articles.rejected).',
);
export type ArticleRejectedV1 = z.infer<typeof ArticleRejectedV1>;
