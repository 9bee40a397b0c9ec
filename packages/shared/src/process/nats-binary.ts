import { which } from './which.ts';

export const NATS_INSTALL_HINT =
  'nats-server was not found. Install it (Debian/Ubuntu: `sudo apt-get install nats-server`; macOS: ' +
  '`brew install nats-server`; or a release from the NATS project), put it on PATH or set NATS_SERVER_BIN, ' +
  'point NATS_URL at a running server with JetStream enabled, or run the stack with `docker compose up`.';

/** The nats-server binary: NATS_SERVER_BIN, PATH, or the usual system folders. */
export function findNatsServer(env: Record<string, string | undefined> = process.env): string | undefined {
  return (
    env.NATS_SERVER_BIN ||
    which('nats-server', ['/usr/sbin', '/usr/local/sbin', '/usr/local/bin', '/opt/homebrew/bin'])
  );
}
