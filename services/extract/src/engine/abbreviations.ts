/** Titles and ranks: never end a sentence, always precede a name. Lower-case keys. */
const TITLES = [
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cpt',
  'sgt',
  'cpl',
  'pvt',
  'adm',
  'cmdr',
  'brig',
  'rev',
  'fr',
  'hon',
  'pres',
  'supt',
  'amb',
  'st',
  'mt',
];

/** Abbreviations that precede a name or number ("vol. 2", "Smith vs. Jones"). */
const PREFIXES = ['vol', 'vs', 'cf'];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];

/** Company, name-suffix and other abbreviations that may end a sentence ("... Acme Inc. The company ..."). */
const OTHERS = [
  'inc',
  'ltd',
  'corp',
  'co',
  'bros',
  'jr',
  'sr',
  'etc',
  'approx',
  'est',
  'dept',
  'univ',
  'ave',
  'blvd',
  'rd',
];

/**
 * Abbreviations that keep their final period as part of the token ("Mr.", "Jan.", "Inc."). Lower-case keys.
 * Single letters (initials such as "J.") and dotted initialisms ("U.S.", "a.k.a.") are handled by the tokeniser
 * itself and need no entry here.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([...TITLES, ...PREFIXES, ...MONTHS, ...OTHERS]);

/** Abbreviations that always precede a name or number, so a following capital never starts a sentence. */
export const NON_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([...TITLES, ...PREFIXES]);
