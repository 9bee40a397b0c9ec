/**
 * Sub-national places: capitals, major cities, provinces and regions, each with its country (empty for
 * regions that span countries). Used to type-correct the tagger's spans and to link places to countries;
 * hand-written, weighted to where international news happens. Lines are `Name|Country|alias,alias`.
 */
const RAW = `Baghdad|Iraq
Mosul|Iraq
Basra|Iraq
Erbil|Iraq|Irbil
Kirkuk|Iraq
Fallujah|Iraq|Falluja
Ramadi|Iraq
Tikrit|Iraq
Najaf|Iraq
Karbala|Iraq
Sulaymaniyah|Iraq|Sulaimaniyah
Anbar province|Iraq|Anbar,Al Anbar,Al Anbar province,Anbar Province
Nineveh province|Iraq|Nineveh,Ninevah,Nineveh Province
Kurdistan|Iraq|Kurdistan region,Iraqi Kurdistan
Damascus|Syria
Aleppo|Syria
Idlib province|Syria|Idlib,Idlib Province
Raqqa|Syria|Raqqah
Homs|Syria
Hama|Syria
Latakia|Syria
Deir ez-Zor|Syria|Deir el-Zour,Deir ez-Zour
Daraa|Syria|Deraa
Hasakah|Syria|al-Hasakah
Tehran|Iran
Beirut|Lebanon
Amman|Jordan
Ankara|Turkey
Istanbul|Turkey
Riyadh|Saudi Arabia
Jeddah|Saudi Arabia
Doha|Qatar
Dubai|United Arab Emirates
Abu Dhabi|United Arab Emirates
Cairo|Egypt
Jerusalem|
Tel Aviv|Israel
Gaza|Palestine|Gaza Strip
West Bank|Palestine
Ramallah|Palestine
Sanaa|Yemen|Sana'a
Aden|Yemen
Kabul|Afghanistan
Islamabad|Pakistan
Karachi|Pakistan
New Delhi|India
Mumbai|India
Beijing|China
Shanghai|China
Hong Kong|China
Tokyo|Japan
Seoul|South Korea
Pyongyang|North Korea
Moscow|Russia
Kyiv|Ukraine|Kiev
Kharkiv|Ukraine
Donetsk|Ukraine
Crimea|Ukraine
Minsk|Belarus
Warsaw|Poland
Berlin|Germany
Paris|France
London|United Kingdom
Brussels|Belgium
Madrid|Spain
Rome|Italy
Athens|Greece
Vienna|Austria
Geneva|Switzerland
The Hague|Netherlands
Washington|United States|Washington D.C.,Washington DC
New York|United States|New York City
Tripoli|Libya
Benghazi|Libya
Khartoum|Sudan
Darfur|Sudan
Mogadishu|Somalia
Nairobi|Kenya
Addis Ababa|Ethiopia
Lagos|Nigeria
Abuja|Nigeria
Caracas|Venezuela
Havana|Cuba
Mexico City|Mexico
Ottawa|Canada
Canberra|Australia
Middle East||Mideast
Gulf||Persian Gulf
Levant|
Europe|
Africa|
Asia|
Sahel|`;

/** A place below country level. */
export interface Place {
  name: string;
  /** Country the place lies in; empty for regions across or above countries. */
  country: string;
  aliases: string[];
}

/** Parse the table above. Pure; callers build their indexes once. */
export function loadPlaces(): Place[] {
  return RAW.split('\n').map((line) => {
    const [name = '', country = '', aliases = ''] = line.split('|');
    return { name, country, aliases: aliases.split(',').filter(Boolean) };
  });
}
