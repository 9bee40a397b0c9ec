import { copyFile, lstat, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, sep } from 'node:path';
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

/** True when anything, a dangling symlink included, has this name. */
async function taken(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** `a.txt`, then `a.1.txt`, `a.2.txt` ...: the n-th candidate name for `path`. */
function candidate(path: string, n: number): string {
  if (n === 0) return path;
  const ext = extname(path);
  return `${path.slice(0, path.length - ext.length)}.${n}${ext}`;
}

/**
 * Creates `root/<relDir>` one level at a time, refusing to pass through anything but a real directory: a symlink
 * or file planted at a level (`failed/sub -> /elsewhere`) is stepped around by using `sub.1`, `sub.2` ... instead.
 * Returns the directory actually used.
 */
async function safeDirectory(root: string, relDir: string): Promise<string> {
  await mkdir(root, { recursive: true });
  let dir = root;
  for (const part of relDir.split(sep).filter((p) => p !== '' && p !== '.')) {
    for (let n = 0; ; n++) {
      const next = join(dir, n === 0 ? part : `${part}.${n}`);
      const st = await lstat(next).catch(() => null);
      if (st?.isDirectory()) {
        dir = next;
        break;
      }
      if (st) continue; // a symlink or a file: never go through it
      try {
        await mkdir(next);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        n--; // created meanwhile: look again
        continue;
      }
      dir = next;
      break;
    }
  }
  return dir;
}

/** rename(2), or copy + unlink when the target is on another filesystem. rename never follows a link at `to`. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await copyFile(from, to);
    await unlink(from);
  }
}

/**
 * A mover into the given processed/ and failed/ folders. Nothing is written through a symlink: directories are
 * created level by level (see {@link safeDirectory}), names held by anything (a dangling link too) are skipped,
 * and the error record is created with O_EXCL.
 */
export function createMover(dirs: { processed: string; failed: string }): Mover {
  return {
    async toProcessed(path, rel, now) {
      try {
        const dir = await safeDirectory(dirs.processed, join(now.toISOString().slice(0, 10), dirname(rel)));
        const name = join(dir, basename(rel));
        let target = name;
        for (let n = 1; await taken(target); n++) target = candidate(name, n);
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
        const dir = await safeDirectory(dirs.failed, dirname(rel));
        const name = join(dir, basename(rel));
        for (let n = 0; ; n++) {
          const target = candidate(name, n);
          if (await taken(target)) continue;
          try {
            await writeFile(`${target}.error.json`, `${JSON.stringify(record, null, 2)}\n`, { flag: 'wx' });
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
            throw err;
          }
          await moveFile(path, target);
          return target;
        }
      } catch (err) {
        throw new MoveFailedError(`could not move ${rel} to failed/: ${(err as Error).message}`, {
          cause: err,
        });
      }
    },
  };
}
