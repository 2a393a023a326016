import type { Ethnicity } from './names-given.data.js';

/** A federal subject as the generator uses it: names sources write, a weight, and who lives there. */
export interface SynthRegion {
  /** ISO 3166-2 code. */
  code: string;
  ru: string;
  abbr: string;
  capital: string;
  en: string;
  /** An informal name ("Кузбасс"), or '' when none is common. */
  informal: string;
  /** Relative share of the dead (roughly as published breakdowns show; Moscow light, the poor regions heavy). */
  weight: number;
  /** Shares of the name groups among the people of the region. */
  mix: Readonly<Partial<Record<Ethnicity, number>>>;
}

// code | Russian | abbreviation | capital | English | informal | weight | name groups
const ROWS = `
RU-BA|Республика Башкортостан|респ. Башкортостан|Уфа|Bashkortostan|Башкирия|4200|bashkir:40,tatar:28,slavic:32
RU-SVE|Свердловская область|Свердловская обл.|Екатеринбург|Sverdlovsk Oblast||3800|slavic:93,tatar:5,bashkir:2
RU-KDA|Краснодарский край|Краснодарский кр.|Краснодар|Krasnodar Krai|Кубань|3700|slavic:97,tatar:1,dagestani:2
RU-CHE|Челябинская область|Челябинская обл.|Челябинск|Chelyabinsk Oblast||3300|slavic:86,tatar:8,bashkir:6
RU-TA|Республика Татарстан|респ. Татарстан|Казань|Tatarstan|Татария|2800|tatar:55,slavic:45
RU-PER|Пермский край|Пермский кр.|Пермь|Perm Krai|Прикамье|2800|slavic:92,tatar:6,bashkir:2
RU-ROS|Ростовская область|Ростовская обл.|Ростов-на-Дону|Rostov Oblast||2700|slavic:98,dagestani:2
RU-KEM|Кемеровская область|Кемеровская обл.|Кемерово|Kemerovo Oblast|Кузбасс|2600|slavic:97,tatar:3
RU-IRK|Иркутская область|Иркутская обл.|Иркутск|Irkutsk Oblast|Приангарье|2600|slavic:91,buryat:7,tatar:2
RU-KYA|Красноярский край|Красноярский кр.|Красноярск|Krasnoyarsk Krai||2600|slavic:96,tatar:3,tuvan:1
RU-SAM|Самарская область|Самарская обл.|Самара|Samara Oblast||2500|slavic:92,tatar:8
RU-VGG|Волгоградская область|Волгоградская обл.|Волгоград|Volgograd Oblast||2400|slavic:97,tatar:2,dagestani:1
RU-NVS|Новосибирская область|Новосибирская обл.|Новосибирск|Novosibirsk Oblast||2300|slavic:97,tatar:3
RU-SAR|Саратовская область|Саратовская обл.|Саратов|Saratov Oblast||2300|slavic:95,tatar:5
RU-MOS|Московская область|Московская обл.|Красногорск|Moscow Oblast|Подмосковье|2300|slavic:97,tatar:2,dagestani:1
RU-ORE|Оренбургская область|Оренбургская обл.|Оренбург|Orenburg Oblast||2200|slavic:84,tatar:9,bashkir:7
RU-ALT|Алтайский край|Алтайский кр.|Барнаул|Altai Krai||2200|slavic:99,tatar:1
RU-BU|Республика Бурятия|респ. Бурятия|Улан-Удэ|Buryatia|Бурятия|2100|buryat:55,slavic:45
RU-NIZ|Нижегородская область|Нижегородская обл.|Нижний Новгород|Nizhny Novgorod Oblast||2000|slavic:97,tatar:3
RU-DA|Республика Дагестан|респ. Дагестан|Махачкала|Dagestan|Дагестан|1700|dagestani:96,slavic:4
RU-OMS|Омская область|Омская обл.|Омск|Omsk Oblast||1700|slavic:95,tatar:5
RU-STA|Ставропольский край|Ставропольский кр.|Ставрополь|Stavropol Krai|Ставрополье|1700|slavic:94,dagestani:6
RU-SPE|Санкт-Петербург|г. Санкт-Петербург|Санкт-Петербург|Saint Petersburg|Питер|1500|slavic:97,tatar:3
RU-ZAB|Забайкальский край|Забайкальский кр.|Чита|Zabaykalsky Krai|Забайкалье|1500|slavic:88,buryat:12
RU-UD|Удмуртская Республика|Удмуртия|Ижевск|Udmurtia|Удмуртия|1500|slavic:92,tatar:8
RU-PRI|Приморский край|Приморский кр.|Владивосток|Primorsky Krai|Приморье|1500|slavic:99,tatar:1
RU-VOR|Воронежская область|Воронежская обл.|Воронеж|Voronezh Oblast||1400|slavic:100
RU-BEL|Белгородская область|Белгородская обл.|Белгород|Belgorod Oblast||1400|slavic:100
RU-TYU|Тюменская область|Тюменская обл.|Тюмень|Tyumen Oblast||1200|slavic:88,tatar:12
RU-KIR|Кировская область|Кировская обл.|Киров|Kirov Oblast||1200|slavic:98,tatar:2
RU-KHA|Хабаровский край|Хабаровский кр.|Хабаровск|Khabarovsk Krai||1100|slavic:99,tatar:1
RU-CU|Чувашская Республика|Чувашия|Чебоксары|Chuvashia|Чувашия|1100|slavic:97,tatar:3
RU-TY|Республика Тыва|респ. Тыва|Кызыл|Tuva|Тува|1000|tuvan:90,slavic:10
RU-VLG|Вологодская область|Вологодская обл.|Вологда|Vologda Oblast||1000|slavic:100
RU-TUL|Тульская область|Тульская обл.|Тула|Tula Oblast||1000|slavic:100
RU-ULY|Ульяновская область|Ульяновская обл.|Ульяновск|Ulyanovsk Oblast||1000|slavic:88,tatar:12
RU-MOW|Москва|г. Москва|Москва|Moscow||900|slavic:95,tatar:3,dagestani:2
RU-KGN|Курганская область|Курганская обл.|Курган|Kurgan Oblast||900|slavic:94,tatar:3,bashkir:3
RU-BRY|Брянская область|Брянская обл.|Брянск|Bryansk Oblast||900|slavic:100
RU-PNZ|Пензенская область|Пензенская обл.|Пенза|Penza Oblast||900|slavic:93,tatar:7
RU-ARK|Архангельская область|Архангельская обл.|Архангельск|Arkhangelsk Oblast|Поморье|900|slavic:100
RU-KO|Республика Коми|респ. Коми|Сыктывкар|Komi|Коми|800|slavic:98,tatar:2
RU-SA|Республика Саха (Якутия)|респ. Саха|Якутск|Sakha (Yakutia)|Якутия|800|slavic:90,buryat:5,tatar:5
RU-TOM|Томская область|Томская обл.|Томск|Tomsk Oblast||700|slavic:97,tatar:3
RU-AMU|Амурская область|Амурская обл.|Благовещенск|Amur Oblast|Приамурье|700|slavic:100
RU-KR|Республика Карелия|респ. Карелия|Петрозаводск|Karelia|Карелия|600|slavic:100
RU-ME|Республика Марий Эл|респ. Марий Эл|Йошкар-Ола|Mari El|Марий Эл|600|slavic:94,tatar:6
RU-KK|Республика Хакасия|респ. Хакасия|Абакан|Khakassia|Хакасия|600|slavic:97,tuvan:3
RU-MUR|Мурманская область|Мурманская обл.|Мурманск|Murmansk Oblast||500|slavic:100
RU-MO|Республика Мордовия|респ. Мордовия|Саранск|Mordovia|Мордовия|500|slavic:95,tatar:5
RU-SE|Республика Северная Осетия — Алания|респ. Северная Осетия|Владикавказ|North Ossetia–Alania|Северная Осетия|500|slavic:75,dagestani:25
RU-AL|Республика Алтай|респ. Алтай|Горно-Алтайск|Altai Republic|Горный Алтай|400|slavic:100
RU-KB|Кабардино-Балкарская Республика|КБР|Нальчик|Kabardino-Balkaria|Кабардино-Балкария|400|slavic:75,dagestani:25
`;

function parseRow(line: string): SynthRegion {
  const [code = '', ru = '', abbr = '', capital = '', en = '', informal = '', weight = '0', mix = ''] =
    line.split('|');
  const shares: Partial<Record<Ethnicity, number>> = {};
  for (const part of mix.split(',')) {
    const [group, share] = part.split(':');
    if (group) shares[group as Ethnicity] = Number(share);
  }
  return { code, ru, abbr, capital, en, informal, weight: Number(weight), mix: shares };
}

/** The regions the generator draws from (about fifty federal subjects; the rest are too rare to matter here). */
export const REGIONS: readonly SynthRegion[] = ROWS.trim()
  .split('\n')
  .map((line) => parseRow(line.trim()));
