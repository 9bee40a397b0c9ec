import { constants, type Stats } from 'node:fs';
import { type FileHandle, lstat, open, realpath } from 'node:fs/promises';
import { basename, dirname, relative, sep } from 'node:path';
import type { IngestLimits } from '../config.ts';
import { type Rejection, reject } from '../errors.ts';
import { formatOf, type InputFormat } from '../parse/formats.ts';

/** An input file opened for reading, with what was checked about it. */
export interface OpenedInput {
  handle: FileHandle;
  size: number;
  format: InputFormat;
  /** inode, size and mtime of what was opened, to tell whether the path still names it before moving. */
  identity: string;
}

/** inode, size and mtime: what identifies a file's content closely enough to notice a replacement. */
export const identityOf = (st: Stats): string => `${st.ino}:${st.size}:${st.mtimeMs}`;

export type OpenResult =
  | { ok: true; input: OpenedInput }
  | { ok: false; rejection: Rejection; size?: number }
  | { ok: false; gone: true };

/** True when `child` is `parent` or lies beneath it (both absolute and resolved). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}

/**
 * Opens a file for ingest after the safety checks: not a symlink (never followed, also not at open time thanks
 * to O_NOFOLLOW), a regular file, inside `root` once every directory symlink is resolved, an accepted extension,
 * within the size limit for its format and not empty. A file that vanished meanwhile answers `gone`.
 */
export async function openInput(
  path: string,
  root: string | null,
  limits: IngestLimits,
): Promise<OpenResult> {
  let st: Stats;
  try {
    st = await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, gone: true };
    return { ok: false, rejection: reject('unreadable', (err as Error).message) };
  }
  if (st.isSymbolicLink())
    return { ok: false, rejection: reject('unsafe_path', 'symbolic links are not followed') };
  if (!st.isFile()) return { ok: false, rejection: reject('unsafe_path', 'not a regular file') };
  if (root !== null) {
    const [realRoot, realDir] = await Promise.all([realpath(root), realpath(dirname(path))]);
    if (!isInside(realRoot, realDir)) {
      return { ok: false, rejection: reject('unsafe_path', 'the path resolves outside the inbox') };
    }
  }
  const format = formatOf(basename(path), limits.extensions);
  if (format === null) {
    return {
      ok: false,
      size: st.size,
      rejection: reject('unsupported_type', `accepted extensions: ${limits.extensions.join(' ')}`),
    };
  }
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, gone: true };
    if (code === 'ELOOP')
      return { ok: false, rejection: reject('unsafe_path', 'symbolic links are not followed') };
    return { ok: false, rejection: reject('unreadable', (err as Error).message) };
  }
  const checked = await checkOpened(handle, format, limits);
  if (checked) {
    await handle.close();
    return checked;
  }
  const opened = await handle.stat();
  return { ok: true, input: { handle, size: opened.size, format, identity: identityOf(opened) } };
}

async function checkOpened(
  handle: FileHandle,
  format: InputFormat,
  limits: IngestLimits,
): Promise<OpenResult | null> {
  const st = await handle.stat();
  if (!st.isFile()) return { ok: false, rejection: reject('unsafe_path', 'not a regular file') };
  const max = format === 'jsonl' ? limits.maxJsonlBytes : limits.maxFileBytes;
  if (st.size > max) {
    return {
      ok: false,
      size: st.size,
      rejection: reject('too_large', `${st.size} bytes; the limit for this type is ${max}`),
    };
  }
  if (st.size === 0) return { ok: false, size: 0, rejection: reject('empty', 'the file is empty') };
  return null;
}
