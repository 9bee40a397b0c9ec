import { z } from 'zod';

/** ISO 8601 timestamp with an offset or `Z`. */
export const timestamp = () => z.iso.datetime({ offset: true });

/** A span of the article text: UTF-16 code-unit offsets, end-exclusive, and the text they cover. */
export const TextSpan = z
  .object({
    text: z.string().describe('The covered text, exactly `article.text.slice(start, end)`.'),
    start: z.number().int().nonnegative().describe('Start offset in UTF-16 code units of the article text.'),
    end: z.number().int().nonnegative().describe('End offset (exclusive) in UTF-16 code units.'),
  })
  .refine((s) => s.end >= s.start, { message: 'end must not be before start' })
  .describe('A span of the article text.');
export type TextSpan = z.infer<typeof TextSpan>;

/** Which extractor, at which version, produced a message: ids are stable per version. */
export const ExtractorStamp = z
  .object({
    name: z.string().min(1).describe('Extractor name, e.g. `newsflow-extract`.'),
    version: z
      .string()
      .min(1)
      .describe('Extractor version; ids are derived from it, so a new version means new ids.'),
  })
  .describe('The extractor that produced the message.');
export type ExtractorStamp = z.infer<typeof ExtractorStamp>;

export const Confidence = z.number().min(0).max(1).describe('Confidence between 0 and 1.');

/** Ids derived by `deriveId` (`<prefix>_<24 hex>`). */
export const idOf = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9a-f]{24}$`), `must be a ${prefix}_ id (${prefix}_ + 24 hex digits)`);
