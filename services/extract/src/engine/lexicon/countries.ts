/**
 * Countries with their other names and demonyms (adjective first, then the plural noun when it differs from the
 * adjective plus "s"). Hand-written; covers the states that appear most in international news. Lines are
 * `Name|alias,alias|Demonym,Demonym`.
 */
const RAW = `Afghanistan||Afghan
Albania||Albanian
Algeria||Algerian
Angola||Angolan
Argentina||Argentine,Argentinian
Armenia||Armenian
Australia||Australian
Austria||Austrian
Azerbaijan||Azerbaijani,Azeri
Bahrain||Bahraini
Bangladesh||Bangladeshi
Belarus||Belarusian
Belgium||Belgian
Bolivia||Bolivian
Bosnia and Herzegovina|Bosnia|Bosnian
Brazil||Brazilian
Bulgaria||Bulgarian
Burkina Faso||Burkinabe
Cambodia||Cambodian
Cameroon||Cameroonian
Canada||Canadian
Chad||Chadian
Chile||Chilean
China|People's Republic of China,PRC|Chinese
Colombia||Colombian
Congo|Democratic Republic of Congo,Democratic Republic of the Congo,DRC,DR Congo|Congolese
Croatia||Croatian
Cuba||Cuban
Cyprus||Cypriot
Czech Republic|Czechia|Czech
Denmark||Danish,Danes,Dane
Ecuador||Ecuadorian
Egypt||Egyptian
Eritrea||Eritrean
Estonia||Estonian
Ethiopia||Ethiopian
Finland||Finnish,Finns,Finn
France||French,Frenchman
Georgia||Georgian
Germany||German
Ghana||Ghanaian
Greece||Greek
Guatemala||Guatemalan
Haiti||Haitian
Hungary||Hungarian
India||Indian
Indonesia||Indonesian
Iran|Islamic Republic of Iran|Iranian
Iraq||Iraqi
Ireland||Irish
Israel||Israeli
Italy||Italian
Japan||Japanese
Jordan||Jordanian
Kazakhstan||Kazakh
Kenya||Kenyan
Kosovo||Kosovar
Kuwait||Kuwaiti
Kyrgyzstan||Kyrgyz
Latvia||Latvian
Lebanon||Lebanese
Libya||Libyan
Lithuania||Lithuanian
Malaysia||Malaysian
Mali||Malian
Mexico||Mexican
Moldova||Moldovan
Mongolia||Mongolian
Morocco||Moroccan
Mozambique||Mozambican
Myanmar|Burma|Burmese,Myanmarese
Nepal||Nepali,Nepalese
Netherlands|Holland|Dutch
New Zealand||New Zealander
Nicaragua||Nicaraguan
Niger||Nigerien
Nigeria||Nigerian
North Korea|DPRK|North Korean
Norway||Norwegian
Oman||Omani
Pakistan||Pakistani
Palestine|Palestinian territories|Palestinian
Panama||Panamanian
Paraguay||Paraguayan
Peru||Peruvian
Philippines||Filipino
Poland||Polish,Poles,Pole
Portugal||Portuguese
Qatar||Qatari
Romania||Romanian
Russia|Russian Federation|Russian
Rwanda||Rwandan
Saudi Arabia||Saudi
Senegal||Senegalese
Serbia||Serbian,Serbs,Serb
Singapore||Singaporean
Slovakia||Slovak
Slovenia||Slovenian
Somalia||Somali
South Africa||South African
South Korea|Republic of Korea|South Korean
South Sudan||South Sudanese
Spain||Spanish,Spaniards,Spaniard
Sri Lanka||Sri Lankan
Sudan||Sudanese
Sweden||Swedish,Swedes,Swede
Switzerland||Swiss
Syria|Syrian Arab Republic|Syrian
Taiwan||Taiwanese
Tajikistan||Tajik
Tanzania||Tanzanian
Thailand||Thai
Tunisia||Tunisian
Turkey|Turkiye,Türkiye|Turkish,Turks,Turk
Turkmenistan||Turkmen
Uganda||Ugandan
Ukraine||Ukrainian
United Arab Emirates|UAE,U.A.E.,Emirates|Emirati
United Kingdom|UK,U.K.,Britain,Great Britain|British,Britons,Briton
United States|US,U.S.,USA,U.S.A.,America,United States of America|American
Uruguay||Uruguayan
Uzbekistan||Uzbek
Venezuela||Venezuelan
Vietnam|Viet Nam|Vietnamese
Yemen||Yemeni
Zambia||Zambian
Zimbabwe||Zimbabwean`;

/** One country of the gazetteer. */
export interface Country {
  name: string;
  aliases: string[];
  /** Adjectives and people nouns: "Iraqi", "Iraqis", "French", "Frenchman". */
  demonyms: string[];
}

/** Plural people noun for a demonym ("Iraqi" -> "Iraqis", "Frenchman" -> "Frenchmen"); none for "-ese", "-ish". */
function plural(adj: string): string | undefined {
  if (adj.endsWith('man')) return `${adj.slice(0, -3)}men`;
  if (/(?:ese|ish|ch|s|z)$/.test(adj)) return undefined;
  return `${adj}s`;
}

/** Parse the table above. Pure; callers build their indexes once. */
export function loadCountries(): Country[] {
  return RAW.split('\n').map((line) => {
    const [name = '', aliases = '', demonyms = ''] = line.split('|');
    const dems = demonyms.split(',').filter(Boolean);
    const all = new Set<string>();
    for (const d of dems) {
      all.add(d);
      const p = plural(d);
      if (p && /^\p{Lu}/u.test(d)) all.add(p);
    }
    return { name, aliases: aliases.split(',').filter(Boolean), demonyms: [...all] };
  });
}
