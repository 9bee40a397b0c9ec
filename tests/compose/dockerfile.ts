/** One Dockerfile instruction: upper-cased keyword and its raw argument text (continuations joined). */
export interface Instruction {
  op: string;
  args: string;
}

/** A build stage: `FROM <base> [AS <name>]` and what follows until the next FROM. */
export interface Stage {
  base: string;
  name: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages. Comments, blank lines and `\` continuations are handled; heredocs are not. */
export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const logical = text
    .replace(/\\\r?\n(\s*#[^\n]*\n)*/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  for (const line of logical) {
    const m = /^(\S+)\s*(.*)$/.exec(line);
    if (!m) continue;
    const op = (m[1] as string).toUpperCase();
    const args = m[2] as string;
    if (op === 'FROM') {
      const from = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      stages.push({ base: from?.[1] ?? args, name: from?.[2] ?? String(stages.length), instructions: [] });
    } else {
      const current = stages.at(-1);
      if (!current) throw new Error(`${op} before the first FROM`);
      current.instructions.push({ op, args });
    }
  }
  return stages;
}

/** The stage with this name, following FROM <stage> links up to the external base image. */
export function ancestry(stages: Stage[], name: string): Stage[] {
  const chain: Stage[] = [];
  let stage = stages.find((s) => s.name === name);
  while (stage && !chain.includes(stage)) {
    chain.push(stage);
    const base = stage.base;
    stage = stages.find((s) => s.name === base);
  }
  return chain;
}

/** The last value an instruction sets in a stage or its parent stages (e.g. USER, CMD), or undefined. */
export function inherited(stages: Stage[], name: string, op: string): string | undefined {
  for (const stage of ancestry(stages, name)) {
    const found = stage.instructions.filter((i) => i.op === op).at(-1);
    if (found) return found.args;
  }
  return undefined;
}

/** External base images (FROM lines that do not name an earlier stage). */
export function baseImages(stages: Stage[]): string[] {
  return stages.filter((s, i) => !stages.slice(0, i).some((p) => p.name === s.base)).map((s) => s.base);
}

/** A CMD/ENTRYPOINT in exec form as its argument list; a shell-form command as ['/bin/sh', '-c', text]. */
export function execForm(args: string): string[] {
  const trimmed = args.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as string[];
  return ['/bin/sh', '-c', trimmed];
}

/** Variables a stage and its parents set with ENV (`ENV A=1 B=2` and the legacy `ENV A 1`). */
export function envNames(stages: Stage[], name: string): string[] {
  return ancestry(stages, name).flatMap((stage) =>
    stage.instructions
      .filter((i) => i.op === 'ENV')
      .flatMap((i) =>
        i.args.includes('=')
          ? [...i.args.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1] as string)
          : [i.args.split(/\s+/)[0] as string],
      ),
  );
}
