/**
 * Organisations known under several names in news text. Within one article, any two of these forms name the
 * same organisation; an acronym alone is canonicalised to the long form so that articles agree. Lines are
 * `Canonical|alias,alias`. Short forms that are also common words ("IS") are matched only when the tagger
 * marked them or the text is not in capitals.
 */
const RAW = `Islamic State|IS,ISIS,ISIL,Daesh,Daish,Islamic State group,Islamic State of Iraq and Syria,Islamic State of Iraq and the Levant,Islamic State in Iraq and Syria,Islamic State in Iraq and the Levant
Hayat Tahrir al-Sham|HTS,Hayat Tahrir al Sham,Hay'at Tahrir al-Sham,Hay’at Tahrir al-Sham
Syrian Democratic Forces|SDF
Kurdistan Workers' Party|PKK,Kurdistan Workers’ Party
Popular Mobilization Forces|PMF,Popular Mobilisation Forces,Hashd al-Shaabi
Hezbollah|Hizbollah,Hizbullah
Hamas|
Al-Qaeda|al-Qaeda,al-Qaida,Al-Qaida,al Qaeda
Taliban|
Houthis|Houthi movement,Ansar Allah
United Nations|UN,U.N.
UN Security Council|U.N. Security Council,Security Council,UNSC
European Union|EU,E.U.
NATO|North Atlantic Treaty Organization
World Health Organization|WHO
International Criminal Court|ICC
International Monetary Fund|IMF
World Bank|
Organization of the Petroleum Exporting Countries|OPEC
Central Intelligence Agency|CIA
Federal Bureau of Investigation|FBI
Pentagon|U.S. Department of Defense,US Department of Defense,Department of Defense
State Department|U.S. State Department,US State Department,Department of State
Kurdistan Regional Government|KRG
Coordination Framework|
Islamic Revolutionary Guard Corps|IRGC,Revolutionary Guards,Revolutionary Guard
Free Syrian Army|FSA
Syrian National Army|SNA`;

/** A known organisation and its other names. */
export interface KnownOrganization {
  name: string;
  aliases: string[];
}

/** Parse the table above. Pure; callers build their indexes once. */
export function loadOrganizations(): KnownOrganization[] {
  return RAW.split('\n').map((line) => {
    const [name = '', aliases = ''] = line.split('|');
    return { name, aliases: aliases.split(',').filter(Boolean) };
  });
}
