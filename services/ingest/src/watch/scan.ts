import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Lists every non-directory entry under `dir` (files and symlinks, which are never followed), skipping what
 * `ignore` rejects. Directories that vanish during the walk are skipped.
 */
export async function* scanFiles(dir: string, ignore: (path: string) => boolean): AsyncGenerator<string> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (ignore(path)) continue;
    if (entry.isDirectory()) yield* scanFiles(path, ignore);
    else yield path;
  }
}
