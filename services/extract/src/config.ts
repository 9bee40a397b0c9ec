import { durationVar, intVar, natsConfigSchema } from '@newsflow/shared';
import { z } from 'zod';

/** Environment of the extract service; NATS settings come from the shared schema. */
export const extractConfigSchema = natsConfigSchema.extend({
  /** Articles extracted at once per replica. Extraction is CPU-bound: more than a few buys nothing. */
  NEWSFLOW_EXTRACT_CONCURRENCY: intVar(2, 1),
  NEWSFLOW_EXTRACT_MAX_DELIVER: intVar(5, 1),
  /** How long the server waits for an ack before redelivering to another replica (a stuck replica's work moves on). */
  NEWSFLOW_EXTRACT_ACK_WAIT: durationVar('30s'),
  NEWSFLOW_EXTRACT_HOST: z.string().default('127.0.0.1'),
  /** Port of /healthz, /readyz and /metrics; 0 picks a free one. */
  NEWSFLOW_EXTRACT_PORT: intVar(8082, 0),
  /** A different NER model file (default: the one shipped in @newsflow/ner). */
  NEWSFLOW_NER_MODEL: z.string().optional(),
});
export type ExtractConfig = z.infer<typeof extractConfigSchema>;
