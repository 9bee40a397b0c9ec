import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { createCatalogue, findNatsServer, NATS_INSTALL_HINT } from '@newsflow/shared';
import { parse } from '../args.ts';
import type { CliContext } from '../context.ts';
import { planStack } from '../stack/plan.ts';
import { launch, type Managed, terminate, waitReady } from '../stack/processes.ts';

export const START_HELP = `Usage: newsflow start

Runs the whole pipeline on this machine: a nats-server with JetStream (unless NATS_URL is set; its data goes to
<data>/nats), then the store (embedded database in NEWSFLOW_DATA_DIR unless DATABASE_URL is set), extract and
ingest, each as its own process. Ctrl-C stops them in order (ingest, extract, store, NATS) and loses nothing:
unfinished messages stay in JetStream and are handled at the next start.
Variables: NATS_URL, NEWSFLOW_NATS_PORT (4222), NEWSFLOW_DATA_DIR (./data), NEWSFLOW_INBOX (./inbox),
NEWSFLOW_API_PORT (8080), NEWSFLOW_INGEST_PORT (8081), NEWSFLOW_EXTRACT_PORT (8082), and each service's own.`;

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ port, host: '127.0.0.1' }, () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

export async function start(ctx: CliContext, argv: string[], signal: AbortSignal): Promise<number> {
  const { values } = parse(argv, {});
  if (values.help) {
    ctx.out.write(`${START_HELP}\n`);
    return 0;
  }
  const plan = planStack(ctx.env, ROOT);
  const say = (line: string) => ctx.err.write(`newsflow: ${line}\n`);
  mkdirSync(plan.inbox, { recursive: true });
  mkdirSync(plan.dataDir, { recursive: true });

  const running: Managed[] = [];
  let nats: Managed | undefined;
  if (plan.startNats) {
    const bin = findNatsServer(ctx.env);
    if (!bin) {
      say(NATS_INSTALL_HINT);
      return 4;
    }
    if (await portInUse(plan.natsPort)) {
      say(
        `port ${plan.natsPort} is already in use. If a nats-server with JetStream runs there, use it: ` +
          `NATS_URL=nats://127.0.0.1:${plan.natsPort} npm start; otherwise pick a free port with NEWSFLOW_NATS_PORT.`,
      );
      return 4;
    }
    mkdirSync(plan.natsStoreDir, { recursive: true });
    nats = launch(
      'nats-server',
      bin,
      ['-a', '127.0.0.1', '-p', String(plan.natsPort), '-js', '-sd', plan.natsStoreDir],
      {
        cwd: ROOT,
        env: process.env,
      },
    );
  }
  const env = { ...process.env, ...ctx.env, ...plan.env, NATS_URL: plan.natsUrl };
  let failed: string | undefined;
  // Stops on Ctrl-C/SIGTERM, or when any process of the stack dies.
  const stop = new AbortController();
  signal.addEventListener('abort', () => stop.abort(), { once: true });
  try {
    if (nats) await waitForNats(plan.natsPort, nats);
    for (const svc of plan.services) {
      const p = launch(svc.name, process.execPath, [svc.main], { cwd: ROOT, env });
      running.push(p);
      void p.exited.then((code) => {
        if (!stop.signal.aborted) {
          failed = `${svc.name} exited unexpectedly (code ${code})`;
          say(failed);
          stop.abort();
        }
      });
      await waitReady(svc.readyUrl, p, plan.startupTimeoutMs);
    }
    ctx.out.write(
      [
        '',
        'newsflow is running.',
        `  drop articles into   ${plan.inbox}   (.txt .md .html .json .jsonl)`,
        `  push over HTTP       curl -X POST ${plan.ingestUrl}/v1/articles -H 'content-type: application/json' -d '{"title":"…","text":"…"}'`,
        `  query the API        ${plan.apiUrl}/v1/events   (or: npx newsflow query events)`,
        `  watch the stream     npx newsflow tail '${createCatalogue(ctx.env.NEWSFLOW_NAMESPACE ?? '').eventsAll}'`,
        `  NATS                 ${plan.natsUrl}`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      if (stop.signal.aborted) return resolve();
      stop.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } catch (err) {
    failed ??= (err as Error).message;
    if (failed === (err as Error).message) say(failed);
  }
  stop.abort();
  say('stopping: ingest, extract, store, then NATS');
  for (const p of [...running].reverse()) {
    const how = await terminate(p, 20_000);
    if (how === 'killed') say(`${p.name} did not stop within 20 s and was killed`);
  }
  if (nats) await terminate(nats, 10_000);
  say('stopped');
  return failed ? 1 : 0;
}

async function waitForNats(port: number, p: Managed): Promise<void> {
  const until = Date.now() + 15_000;
  while (!(await portInUse(port))) {
    if (p.child.exitCode !== null) throw new Error('nats-server exited during start-up (see its log above)');
    if (Date.now() > until) throw new Error(`nats-server did not listen on ${port} within 15 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
