import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the labelled/unlabelled evaluation data lives: NEWSFLOW_EVAL_DATA or ../shared/eval/data. */
export function evalDataDir(): string {
  return (
    process.env.NEWSFLOW_EVAL_DATA ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'eval', 'data')
  );
}

/**
 * Up to `n` real news articles as plain text: the BBC corpus when present (first line is the headline), else
 * generated news-like text, so the benchmark runs anywhere. Returns where they came from, too.
 */
export function loadArticles(n: number): { source: string; texts: string[] } {
  const bbc = join(evalDataDir(), 'bbc');
  if (existsSync(bbc)) {
    const texts: string[] = [];
    for (const topic of readdirSync(bbc)
      .filter((d) => !d.includes('.'))
      .sort()) {
      for (const f of readdirSync(join(bbc, topic)).sort()) {
        texts.push(readFileSync(join(bbc, topic, f), 'latin1'));
      }
    }
    // Interleave topics so any prefix is a mix.
    const picked = Array.from(
      { length: Math.min(n, texts.length) },
      (_, i) => texts[(i * 7919) % texts.length] as string,
    );
    return { source: `BBC corpus (${bbc})`, texts: picked };
  }
  return { source: 'generated', texts: Array.from({ length: n }, (_, i) => generated(i)) };
}

const PEOPLE = ['Maria Lopez', 'John Carter', 'Aiko Tanaka', 'Omar Haddad', 'Elena Petrova', 'David Okafor'];
const PLACES = ['Paris', 'Nairobi', 'Lima', 'Osaka', 'Cairo', 'Toronto', 'Berlin', 'Jakarta'];
const ORGS = ['the United Nations', 'the World Bank', 'Reuters', 'the European Commission', 'Acme Corp'];

function generated(i: number): string {
  const p = (k: number) => PEOPLE[(i + k) % PEOPLE.length];
  const l = (k: number) => PLACES[(i * 3 + k) % PLACES.length];
  const o = (k: number) => ORGS[(i * 5 + k) % ORGS.length];
  const paras = [
    `${l(0)} talks resume after week of tension (${i})`,
    '',
    `Foreign Minister ${p(0)} arrived in ${l(0)} on Monday for talks with officials of ${o(0)}, a spokesperson said.`,
    `The visit follows a meeting in ${l(1)} last week, where ${p(1)} announced new funding of $${(i % 90) + 10} million.`,
    `Police arrested two men in ${l(2)} on Tuesday after an attack on a bus injured ${(i % 12) + 2} people, the ministry said.`,
    `${p(2)}, the head of ${o(1)}, said the agreement would be signed by September.`,
    `Analysts at ${o(2)} expect growth of ${(i % 5) + 1}.${i % 10} percent this year, according to a report published on Friday.`,
  ];
  return `${paras.join('\n')}\n`;
}
