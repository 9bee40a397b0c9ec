import { randomBytes } from 'node:crypto';

/** A fresh namespace (`t` + 10 hex chars) so each test gets its own subjects and streams. */
export function uniqueNamespace(): string {
  return `t${randomBytes(5).toString('hex')}`;
}
