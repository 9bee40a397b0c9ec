/** Deterministic synthetic articles for volume tests and the benchmark (not real news: no licence questions). */

const PLACES = [
  'Easthaven',
  'Northport',
  'Lakeside',
  'Riverton',
  'Hillcrest',
  'Seaview',
  'Oakford',
  'Brookdale',
];
const SUBJECTS = [
  'council',
  'harbour authority',
  'school board',
  'hospital trust',
  'transit agency',
  'police',
];
const ACTIONS = [
  'approved a new budget',
  'opened an inquiry',
  'announced a review',
  'signed an agreement',
  'postponed a vote',
];

/** The n-th synthetic article: unique text of roughly `sentences` sentences (~100 bytes each). */
export function syntheticArticle(
  n: number,
  sentences = 8,
): { title: string; text: string; url: string; outlet: string } {
  const place = PLACES[n % PLACES.length] as string;
  const subject = SUBJECTS[n % SUBJECTS.length] as string;
  const action = ACTIONS[n % ACTIONS.length] as string;
  const body = Array.from(
    { length: sentences },
    (_, i) =>
      `The ${subject} in ${place} ${action} on day ${n} of the session, item ${i}, officials said in a statement.`,
  ).join(' ');
  return {
    title: `${place} ${subject} ${action} (${n})`,
    text: body,
    url: `https://news.example.org/${place.toLowerCase()}/${n}`,
    outlet: 'news.example.org',
  };
}

/** `count` JSONL lines of synthetic articles, starting at `from`. */
export function syntheticJsonl(count: number, from = 0): string {
  let out = '';
  for (let i = from; i < from + count; i++) out += `${JSON.stringify(syntheticArticle(i))}\n`;
  return out;
}
