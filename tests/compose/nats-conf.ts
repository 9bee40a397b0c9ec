/**
 * Just enough of the nats-server configuration format to check a few settings: `#` and `//` comments, `key: value`,
 * `key = value` or `key value`, and `name { ... }` blocks.
 */
export interface NatsConf {
  /** A top-level setting's value (quotes removed), or undefined. */
  get(key: string): string | undefined;
  /** A block such as `jetstream { ... }`, or undefined. */
  block(name: string): NatsConf | undefined;
}

/** Parses configuration text; comments never count as settings. */
export function parseNatsConf(text: string): NatsConf {
  return view(stripComments(text));
}

function stripComments(text: string): string {
  // `//` only starts a comment at a line start or after whitespace, so `nats://host` survives.
  return text
    .split('\n')
    .map((line) => line.replace(/(^|\s)(#|\/\/).*$/, '$1'))
    .join('\n');
}

function view(body: string): NatsConf {
  const top = withoutBlocks(body);
  return {
    get(key) {
      const m = new RegExp(
        `(?:^|[\\n,])\\s*${key}\\s*(?:[:=]\\s*|\\s+)("?)([^"\\n,]*?)\\1\\s*(?=$|[\\n,])`,
      ).exec(top);
      return m ? m[2] : undefined;
    },
    block(name) {
      const start = new RegExp(`(?:^|\\n)\\s*${name}\\s*[:=]?\\s*\\{`).exec(topLevelOpenings(body));
      if (!start) return undefined;
      const open = start.index + start[0].length;
      let depth = 1;
      for (let i = open; i < body.length; i++) {
        if (body[i] === '{') depth++;
        else if (body[i] === '}' && --depth === 0) return view(body.slice(open, i));
      }
      return undefined;
    },
  };
}

/** The text with every nested block's contents blanked out (same length, so indexes stay valid). */
function topLevelOpenings(body: string): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '}') depth--;
    out += depth > 0 && ch !== '\n' ? ' ' : ch;
    if (ch === '{') depth++;
  }
  return out;
}

function withoutBlocks(body: string): string {
  return topLevelOpenings(body).replace(/\{\s*\}/g, '{}');
}
