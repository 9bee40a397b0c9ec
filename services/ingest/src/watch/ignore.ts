import { basename, relative, sep } from 'node:path';

/** Names writers use while a file is incomplete, editor backups and lock files. */
const TEMP_NAME = /(\.(tmp|temp|part|partial|crdownload|download|swp|swx|lock)|~)$|^#.*#$|^~\$/i;

/** True for a file name the watcher never reads: dotfiles and temporary names (see README for writers). */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || TEMP_NAME.test(name);
}

/**
 * A predicate over absolute paths for everything under `inbox` that is not an input: dot-directories and
 * temporary names anywhere on the path, and the reserved output folders (processed/, failed/) when they are
 * inside the inbox.
 */
export function createIgnore(inbox: string, reserved: readonly string[]): (path: string) => boolean {
  const reservedRel = reserved
    .map((dir) => relative(inbox, dir))
    .filter((rel) => rel !== '' && !rel.startsWith('..'));
  return (path) => {
    const rel = relative(inbox, path);
    if (rel === '') return false;
    if (rel.startsWith('..')) return true;
    if (reservedRel.some((r) => rel === r || rel.startsWith(`${r}${sep}`))) return true;
    return rel.split(sep).some((segment) => isIgnoredName(segment)) || isIgnoredName(basename(path));
  };
}
