import { copyFile, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { MoveFailedError } from '../errors.ts';

/** What `<name>.error.json` beside a failed file says. */
export interface ErrorRecord {
  file: string;
  failedAt: string;
  reason: string;
  message: string;
  byteSize?: number;
  /** Articles of the file that were published anyway (JSON arrays and JSONL files refuse items one by one). */
  publishedArticles: number;
  /** Every refusal, the first few hundred of them. */
  rejections: { code: string; message: string; line?: number; index?: number }[];
  rejectedCount: number;
}

/** Moves finished inbox files out of the way. */
export interface Mover {
  /** Moves to `processed/<YYYY-MM-DD>/<rel>`; returns the new path. */
  toProcessed(path: string, rel: string, now: Date): Promise<string>;
  /** Writes `<target>.error.json`, then moves to `failed/<rel>`; returns the new path. */
  toFailed(path: string, rel: string, record: ErrorRecord): Promise<string>;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** `dir/a.txt`, or `dir/a.1.txt`, `dir/a.2.txt` ... when taken (a file of the same name was dropped before). */
async function freeName(path: string): Promise<string> {
  if (!(await exists(path)) && !(await exists(`${path}.error.json`))) return path;
  const ext = extname(path);
  const stem = path.slice(0, path.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = `${stem}.${n}${ext}`;
    if (!(await exists(candidate)) && !(await exists(`${candidate}.error.json`))) return candidate;
  }
}

/** rename(2), or copy + unlink when the target is on another filesystem. */
async function moveFile(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  try {
    await rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await copyFile(from, to);
    await unlink(from);
  }
}

/** A mover into the given processed/ and failed/ folders. */
export function createMover(dirs: { processed: string; failed: string }): Mover {
  return {
    async toProcessed(path, rel, now) {
      try {
        const target = await freeName(join(dirs.processed, now.toISOString().slice(0, 10), rel));
        await moveFile(path, target);
        return target;
      } catch (err) {
        throw new MoveFailedError(`could not move ${rel} to processed/: ${(err as Error).message}`, {
          cause: err,
        });
      }
    },
    async toFailed(path, rel, record) {
      try {
        const target = await freeName(join(dirs.failed, rel));
        await mkdir(dirname(target), { recursive: true });
        await writeFile(`${target}.error.json`, `${JSON.stringify(record, null, 2)}\n`);
        await moveFile(path, target);
        return target;
      } catch (err) {
        throw new MoveFailedError(`could not move ${rel} to failed/: ${(err as Error).message}`, {
          cause: err,
        });
      }
    },
  };
}
