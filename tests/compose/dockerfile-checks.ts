import { ancestry, baseImages, execForm, inherited, parseDockerfile, type Stage } from './dockerfile.ts';

// Each check returns the problems it found ([] when right), like checks.ts for the compose file.

const NODE_24_SLIM = /^node:24(?:\.\d+){0,2}(?:-(?:bookworm|trixie))?-slim(?:@sha256:[0-9a-f]{64})?$/;

/** Every external base image is the official Node 24 slim image, and there are at least two stages. */
export function baseProblems(stages: Stage[]): string[] {
  const problems = baseImages(stages)
    .filter((b) => !NODE_24_SLIM.test(b))
    .map((b) => `base image ${b} is not node:24-slim`);
  if (stages.length < 2) problems.push('single-stage build');
  return problems;
}

/** Dependencies come from the lockfile with `npm ci --omit=dev`, in a stage before the ones that run. */
export function dependencyProblems(stages: Stage[], targets: string[]): string[] {
  const runs = stages.flatMap((s) =>
    s.instructions.filter((i) => i.op === 'RUN').map((i) => ({ s, cmd: i.args })),
  );
  const problems: string[] = [];
  const ci = runs.find((r) => /\bnpm\s+ci\b/.test(r.cmd) && /--omit[= ]dev\b/.test(r.cmd));
  if (!ci) problems.push('no `npm ci --omit=dev`');
  if (runs.some((r) => /\bnpm\s+(install|i|add)\b/.test(r.cmd)))
    problems.push('npm install instead of npm ci');
  const lock = ci?.s.instructions.some((i) => i.op === 'COPY' && /\bpackage-lock\.json\b/.test(i.args));
  if (ci && !lock) problems.push('the npm ci stage does not copy package-lock.json');
  for (const target of targets) {
    const chain = ancestry(stages, target);
    if (ci && chain.includes(ci.s))
      problems.push(`${target} runs npm ci itself instead of copying from a stage`);
    const copiesDeps = chain.some((s) =>
      s.instructions.some(
        (i) => i.op === 'COPY' && ci !== undefined && i.args.includes(`--from=${ci.s.name}`),
      ),
    );
    if (ci && !copiesDeps)
      problems.push(`${target} does not copy the installed dependencies from ${ci.s.name}`);
  }
  return problems;
}

/** Each target runs as a user other than root. */
export function userProblems(stages: Stage[], targets: string[]): string[] {
  return targets.flatMap((t) => {
    const user = inherited(stages, t, 'USER');
    if (user === undefined) return [`${t} runs as root (no USER)`];
    return /^(root|0)(:.*)?$/.test(user.trim()) ? [`${t} runs as ${user}`] : [];
  });
}

/** Each compose target exists and runs `node services/<service>/src/main.ts` in exec form. */
export function targetProblems(stages: Stage[], serviceByTarget: Record<string, string>): string[] {
  return Object.entries(serviceByTarget).flatMap(([target, service]) => {
    if (!stages.some((s) => s.name === target)) return [`no stage named ${target}`];
    const cmd = inherited(stages, target, 'CMD');
    const want = ['node', `services/${service}/src/main.ts`];
    if (cmd === undefined || JSON.stringify(execForm(cmd)) !== JSON.stringify(want)) {
      return [`${target} CMD is ${cmd ?? 'unset'}, want ${JSON.stringify(want)}`];
    }
    return [];
  });
}

/** Nothing copies the whole build context (which would drag host node_modules, data and secrets in). */
export function contextCopyProblems(stages: Stage[]): string[] {
  return stages.flatMap((s) =>
    s.instructions
      .filter((i) => (i.op === 'COPY' || i.op === 'ADD') && !/--from=/.test(i.args))
      .filter((i) => {
        const words = i.args.split(/\s+/).filter((w) => !w.startsWith('--'));
        return words.slice(0, -1).some((src) => src === '.' || src === './' || src === '*');
      })
      .map((i) => `stage ${s.name}: ${i.op} ${i.args} copies the whole context`),
  );
}

/** .dockerignore keeps dependencies, VCS data and runtime data out of the build context. */
export function ignoreProblems(dockerignore: string): string[] {
  const lines = new Set(
    dockerignore
      .split('\n')
      .map((l) => l.trim().replace(/\/$/, ''))
      .filter((l) => l && !l.startsWith('#')),
  );
  return ['**/node_modules', '.git', 'data', 'inbox']
    .filter((p) => !lines.has(p))
    .map((p) => `${p} not ignored`);
}

export { parseDockerfile };
