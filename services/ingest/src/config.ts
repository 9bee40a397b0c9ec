import { join, resolve } from 'node:path';
import { boolVar, bytesVar, durationVar, intVar, loadConfig, natsConfigSchema } from '@newsflow/shared';
import { z } from 'zod';
import { EXTENSION_FORMATS } from './parse/formats.ts';

/** Environment variables of the ingest service (see README); NATS settings come from the shared schema. */
export const ingestConfigSchema = natsConfigSchema.extend({
  NEWSFLOW_INBOX: z.string().min(1).default('./inbox'),
  NEWSFLOW_PROCESSED_DIR: z.string().optional(),
  NEWSFLOW_FAILED_DIR: z.string().optional(),
  NEWSFLOW_INGEST_LEDGER: z.string().optional(),
  NEWSFLOW_INGEST_WATCH: boolVar(true),
  NEWSFLOW_INGEST_MAX_FILE_BYTES: bytesVar('16MiB'),
  NEWSFLOW_INGEST_MAX_JSONL_BYTES: bytesVar('4GiB'),
  NEWSFLOW_INGEST_MAX_LINE_BYTES: bytesVar('1MiB'),
  NEWSFLOW_INGEST_MAX_ARTICLES_PER_FILE: intVar(1_000_000, 1),
  NEWSFLOW_INGEST_EXTENSIONS: z
    .string()
    .default(Object.keys(EXTENSION_FORMATS).join(','))
    .transform((v) =>
      v
        .split(',')
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean)
        .map((e) => (e.startsWith('.') ? e : `.${e}`)),
    )
    .refine((exts) => exts.every((e) => e in EXTENSION_FORMATS), {
      message: `each extension must be one of ${Object.keys(EXTENSION_FORMATS).join(' ')}`,
    }),
  NEWSFLOW_INGEST_STABLE_FOR: durationVar('1s'),
  NEWSFLOW_INGEST_STABLE_TIMEOUT: durationVar('10m'),
  NEWSFLOW_INGEST_RESCAN: durationVar('30s'),
  NEWSFLOW_INGEST_CONCURRENCY: intVar(4, 1),
  NEWSFLOW_INGEST_BATCH: intVar(256, 1),
  NEWSFLOW_INGEST_PROGRESS_EVERY: intVar(10_000, 1),
  NEWSFLOW_INGEST_HTTP: boolVar(true),
  NEWSFLOW_INGEST_HOST: z.string().default('127.0.0.1'),
  NEWSFLOW_INGEST_PORT: intVar(8081, 0),
  NEWSFLOW_INGEST_BODY_LIMIT: bytesVar('8MiB'),
  NEWSFLOW_INGEST_REQUEST_TIMEOUT: durationVar('30s'),
  NEWSFLOW_INGEST_MAX_ARTICLES_PER_REQUEST: intVar(1000, 1),
  NEWSFLOW_API_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
});
export type IngestEnv = z.infer<typeof ingestConfigSchema>;

/** Limits applied to every input, whatever way it arrives. */
export interface IngestLimits {
  maxFileBytes: number;
  maxJsonlBytes: number;
  maxLineBytes: number;
  maxArticlesPerFile: number;
  extensions: readonly string[];
  /** Articles published at once from one JSONL file. */
  batchSize: number;
  /** Log progress every this many JSONL lines. */
  progressEvery: number;
}

/** Where the watched folder and its outputs live (absolute paths). */
export interface InboxPaths {
  inbox: string;
  processed: string;
  failed: string;
  /** Ledger file, or null when disabled (`NEWSFLOW_INGEST_LEDGER=off`). */
  ledger: string | null;
}

/** The validated configuration in the shapes the service uses. */
export interface IngestConfig {
  env: IngestEnv;
  paths: InboxPaths;
  limits: IngestLimits;
  watch: {
    enabled: boolean;
    stableForMs: number;
    stableTimeoutMs: number;
    rescanMs: number;
    concurrency: number;
  };
  http: {
    enabled: boolean;
    host: string;
    port: number;
    bodyLimit: number;
    maxArticles: number;
    requestTimeoutMs: number;
    token?: string;
  };
}

/** Validates the environment (throws a ConfigError naming each bad variable) and derives paths and limits. */
export function loadIngestConfig(env: Record<string, string | undefined>, cwd: string): IngestConfig {
  const e = loadConfig(ingestConfigSchema, env);
  const inbox = resolve(cwd, e.NEWSFLOW_INBOX);
  const ledger = e.NEWSFLOW_INGEST_LEDGER ?? join(inbox, '.newsflow', 'ledger.jsonl');
  return {
    env: e,
    paths: {
      inbox,
      processed: resolve(cwd, e.NEWSFLOW_PROCESSED_DIR ?? join(inbox, 'processed')),
      failed: resolve(cwd, e.NEWSFLOW_FAILED_DIR ?? join(inbox, 'failed')),
      ledger: ledger === 'off' ? null : resolve(cwd, ledger),
    },
    limits: limitsFrom(e),
    watch: {
      enabled: e.NEWSFLOW_INGEST_WATCH,
      stableForMs: e.NEWSFLOW_INGEST_STABLE_FOR,
      stableTimeoutMs: e.NEWSFLOW_INGEST_STABLE_TIMEOUT,
      rescanMs: e.NEWSFLOW_INGEST_RESCAN,
      concurrency: e.NEWSFLOW_INGEST_CONCURRENCY,
    },
    http: {
      enabled: e.NEWSFLOW_INGEST_HTTP,
      host: e.NEWSFLOW_INGEST_HOST,
      port: e.NEWSFLOW_INGEST_PORT,
      bodyLimit: e.NEWSFLOW_INGEST_BODY_LIMIT,
      maxArticles: e.NEWSFLOW_INGEST_MAX_ARTICLES_PER_REQUEST,
      requestTimeoutMs: e.NEWSFLOW_INGEST_REQUEST_TIMEOUT,
      ...(e.NEWSFLOW_API_TOKEN ? { token: e.NEWSFLOW_API_TOKEN } : {}),
    },
  };
}

function limitsFrom(e: IngestEnv): IngestLimits {
  return {
    maxFileBytes: e.NEWSFLOW_INGEST_MAX_FILE_BYTES,
    maxJsonlBytes: e.NEWSFLOW_INGEST_MAX_JSONL_BYTES,
    maxLineBytes: e.NEWSFLOW_INGEST_MAX_LINE_BYTES,
    maxArticlesPerFile: e.NEWSFLOW_INGEST_MAX_ARTICLES_PER_FILE,
    extensions: e.NEWSFLOW_INGEST_EXTENSIONS,
    batchSize: e.NEWSFLOW_INGEST_BATCH,
    progressEvery: e.NEWSFLOW_INGEST_PROGRESS_EVERY,
  };
}

/** Default limits (the same as an empty environment), for the CLI and tests. */
export function defaultLimits(overrides: Partial<IngestLimits> = {}): IngestLimits {
  return { ...limitsFrom(ingestConfigSchema.parse({})), ...overrides };
}
