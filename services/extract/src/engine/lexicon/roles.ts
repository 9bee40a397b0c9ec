/**
 * Role and title nouns ("Prime Minister", "deputy caliph", "spokesman"), matched case-insensitively on
 * token sequences. Each entry is the canonical title; variants are listed after it. "Deputy"/"vice" forms and
 * "Minister of X" are derived by the matcher, not listed.
 */
const RAW = `President|Pres.
Vice President|Vice-President
Prime Minister|PM,premier
Deputy Prime Minister
Foreign Minister|Minister of Foreign Affairs
Defense Minister|Defence Minister,Minister of Defense,Minister of Defence
Interior Minister|Minister of Interior,Minister of the Interior,Home Minister
Finance Minister|Minister of Finance
Oil Minister|Minister of Oil
Justice Minister|Minister of Justice
Health Minister|Minister of Health
Information Minister|Minister of Information
Minister
Secretary of State
Defense Secretary|Defence Secretary,Secretary of Defense
Home Secretary
Foreign Secretary
Secretary-General|Secretary General
Secretary
Chancellor
King
Queen
Crown Prince
Prince
Emir|Amir
Sultan
Sheikh
Supreme Leader
Ayatollah
Grand Ayatollah
Pope
Cardinal
Archbishop
Bishop
Imam
cleric
caliph
General|Gen.
Lieutenant General|Lt. Gen.,Lt Gen
Major General|Maj. Gen.,Maj Gen
Brigadier General|Brig. Gen.,Brig Gen
Colonel|Col.
Lieutenant Colonel|Lt. Col.
Major|Maj.
Captain|Capt.
Admiral|Adm.
Field Marshal
Marshal
Commander
Chief of Staff
Army Chief
spokesman|spokeswoman,spokesperson
ambassador
envoy|special envoy
Governor|Gov.
Mayor
Senator|Sen.
Representative|Rep.
Congressman|congresswoman
Speaker
lawmaker|legislator,MP
Attorney General
prosecutor|public prosecutor,chief prosecutor
judge
Chief Justice
Police Chief|police commissioner
Intelligence Chief|spy chief
National Security Adviser|National Security Advisor
adviser|advisor
Chief Executive|CEO,chief executive officer
Chairman|chairwoman,chair
Director|director-general,director general
founder|co-founder
leader
head
chief
militant leader
warlord`;

/** Words before a title that qualify it without changing it ("former", "interim"). */
export const ROLE_QUALIFIERS: ReadonlySet<string> = new Set([
  'former',
  'ex',
  'then',
  'interim',
  'acting',
  'caretaker',
  'outgoing',
  'incoming',
  'new',
  'late',
  'current',
  'self-proclaimed',
  'self-styled',
  'designate',
  'elected',
  'top',
  'senior',
]);

/** Military ranks that double as adjectives ("a major attack", "general secretary"): titles only when capitalised. */
export const RANKS: ReadonlySet<string> = new Set([
  'Major',
  'General',
  'Captain',
  'Colonel',
  'Marshal',
  'Field Marshal',
  'Admiral',
  'Commander',
]);

/** Title prefixes that make a new title ("deputy caliph", "vice chairman"). */
export const ROLE_PREFIXES: ReadonlySet<string> = new Set([
  'deputy',
  'vice',
  'assistant',
  'co',
  'chief',
  'grand',
]);

/** Lower-cased token sequence (space-joined) -> canonical title. */
export function loadRoles(): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of RAW.split('\n')) {
    const [title = '', variants = ''] = line.split('|');
    for (const form of [title, ...variants.split(',').filter(Boolean)]) map.set(form.toLowerCase(), title);
  }
  return map;
}
