/**
 * Ethnic, religious and regional group adjectives that identify actors in news ("Kurdish authorities",
 * "Sunni militants"). Each maps to the group's name. "Shia" is left out: it is also a common given name
 * ("Mohammed Shia al-Sudani"); "Shiite" covers the adjective.
 */
const RAW = `Kurds|Kurdish,Kurd,Kurds
Arabs|Arab,Arabs
Sunnis|Sunni,Sunnis
Shiites|Shiite,Shiites,Shi'ite,Shi’ite
Alawites|Alawite,Alawites
Druze|Druze
Yazidis|Yazidi,Yazidis
Christians|Christian,Christians
Muslims|Muslim,Muslims
Jews|Jewish,Jew,Jews
Hindus|Hindu,Hindus
Sikhs|Sikh,Sikhs
Buddhists|Buddhist,Buddhists
Catholics|Catholic,Catholics
Pashtuns|Pashtun,Pashtuns
Hazaras|Hazara,Hazaras
Baloch|Baloch,Baluch
Tamils|Tamil,Tamils
Rohingya|Rohingya
Uyghurs|Uyghur,Uyghurs,Uighur,Uighurs
Tuareg|Tuareg
Persians|Persian,Persians
Europeans|European,Europeans
Africans|African,Africans
Asians|Asian,Asians
Westerners|Western,Westerners`;

/** Group name -> the surface forms that name or describe it. */
export function loadGroups(): { name: string; forms: string[] }[] {
  return RAW.split('\n').map((line) => {
    const [name = '', forms = ''] = line.split('|');
    return { name, forms: forms.split(',') };
  });
}
