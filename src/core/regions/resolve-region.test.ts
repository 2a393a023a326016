import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGIONS, REGION_BY_CODE } from './region.js';
import { GAZETTEER_CONFLICTS, regionNames, resolveRegion } from './resolve-region.js';

const EXAMPLES: readonly [string, string][] = [
  ['Свердловская область', 'RU-SVE'],
  ['Свердловская обл.', 'RU-SVE'],
  ['в Свердловской области', 'RU-SVE'],
  ['Екатеринбург', 'RU-SVE'],
  ['г. Екатеринбург', 'RU-SVE'],
  ['Sverdlovsk Oblast', 'RU-SVE'],
  ['Sverdlovskaya oblast', 'RU-SVE'],
  ['Yekaterinburg', 'RU-SVE'],
  ['г. Нижний Тагил, Свердловская обл.', 'RU-SVE'],
  ['респ. Бурятия', 'RU-BU'],
  ['Республика Бурятия', 'RU-BU'],
  ['в Бурятии', 'RU-BU'],
  ['Buryatia', 'RU-BU'],
  ['ХМАО', 'RU-KHM'],
  ['ХМАО-Югра', 'RU-KHM'],
  ['Югра', 'RU-KHM'],
  ['Сургут', 'RU-KHM'],
  ['ЯНАО', 'RU-YAN'],
  ['Ямал', 'RU-YAN'],
  ['КБР', 'RU-KB'],
  ['Кузбасс', 'RU-KEM'],
  ['Подмосковье', 'RU-MOS'],
  ['Московская обл.', 'RU-MOS'],
  ['Москва', 'RU-MOW'],
  ['Moscow', 'RU-MOW'],
  ['Moscow Oblast', 'RU-MOS'],
  ['СПб', 'RU-SPE'],
  ['Санкт-Петербург', 'RU-SPE'],
  ['Ленинградская область', 'RU-LEN'],
  ['Республика Алтай', 'RU-AL'],
  ['Altai Republic', 'RU-AL'],
  ['Алтайский край', 'RU-ALT'],
  ['Altai Krai', 'RU-ALT'],
  ['Барнаул', 'RU-ALT'],
  ['Нижний Новгород', 'RU-NIZ'],
  ['Великий Новгород', 'RU-NGR'],
  ['Ростов-на-Дону', 'RU-ROS'],
  ['Республика Саха (Якутия)', 'RU-SA'],
  ['Тыва', 'RU-TY'],
  ['Татарстан', 'RU-TA'],
  ['Набережные Челны', 'RU-TA'],
  ['Крым', 'UA-43'],
  ['Республика Крым', 'UA-43'],
  ['Севастополь', 'UA-40'],
  ['ДНР', 'UA-14'],
  ['Мариуполь', 'UA-14'],
  ['ЛНР', 'UA-09'],
  ['Запорожская обл.', 'UA-23'],
  ['Херсонская область', 'UA-65'],
  ['Украина, Донецкая обл.', 'UA-14'],
  ['Jekaterinburg', 'RU-SVE'],
  ['Ekaterinbourg', 'RU-SVE'],
  ['Tscheljabinsk', 'RU-CHE'],
  ['Tcheliabinsk', 'RU-CHE'],
  ['Oufa', 'RU-BA'],
  ['Krasnojarsk', 'RU-KYA'],
  ['Woronesch', 'RU-VOR'],
  ['Voronej', 'RU-VOR'],
  ['Machatschkala', 'RU-DA'],
  ['Chabarowsk', 'RU-KHA'],
  ['Tjeljabinsk', 'RU-CHE'],
  ['Nischni Nowgorod', 'RU-NIZ'],
  ['Nizhnii Novgorod', 'RU-NIZ'],
  ['Rostow-na-Donu', 'RU-ROS'],
  ['Казахстан', 'FOREIGN'],
  ['Belarus', 'FOREIGN'],
  ['иностранный гражданин', 'FOREIGN'],
  ['неизвестно', 'UNKNOWN'],
  ['RU-SVE', 'RU-SVE'],
  ['ua-43', 'UA-43'],
];

describe('resolveRegion', () => {
  it.each(EXAMPLES)('%j → %s', (text, code) => {
    expect(resolveRegion(text)).toEqual({ code, matched: true, text });
  });

  it.each([[''], ['Марс'], ['Россия'], ['область'], ['Altai'], ['Paris'], ['Springfield']])(
    'keeps the unrecognised %j as text under UNKNOWN',
    (text) => {
      expect(resolveRegion(text)).toEqual({ code: 'UNKNOWN', matched: false, text });
    },
  );

  it('resolves every name, capital and alias in the gazetteer to its own region', () => {
    const ambiguous = new Set(GAZETTEER_CONFLICTS.map((c) => c.split(':')[0]));
    for (const region of REGIONS) {
      for (const name of regionNames(region)) {
        if (ambiguous.has(name.toLowerCase())) continue;
        expect(resolveRegion(name).code, name).toBe(region.code);
      }
    }
  });

  it('has only the known, documented name clashes', () => {
    expect(GAZETTEER_CONFLICTS).toEqual([
      'altai: RU-AL / RU-ALT',
      'altay: RU-AL / RU-ALT',
      'moscow: RU-MOS / RU-MOW',
    ]);
  });

  it('never throws, keeps the text, and returns a gazetteer code', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...EXAMPLES.map((e) => e[0]))),
        (text) => {
          const resolved = resolveRegion(text);
          expect(resolved.text).toBe(text);
          expect(REGION_BY_CODE.has(resolved.code)).toBe(true);
          if (!resolved.matched) expect(resolved.code).toBe('UNKNOWN');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('does not resolve a 100 KB text', () => {
    const hostile = 'Свердловская '.repeat(8000);
    expect(resolveRegion(hostile)).toEqual({ code: 'UNKNOWN', matched: false, text: hostile });
  });
});

describe('REGIONS', () => {
  it('holds 83 Russian subjects, 6 occupied Ukrainian regions, Foreign and Unknown', () => {
    const count = (group: string) => REGIONS.filter((r) => r.group === group).length;
    expect([count('russia'), count('occupied'), count('foreign'), count('unknown')]).toEqual([83, 6, 1, 1]);
    expect(
      REGIONS.filter((r) => r.group === 'occupied')
        .map((r) => r.code)
        .sort(),
    ).toEqual(['UA-09', 'UA-14', 'UA-23', 'UA-40', 'UA-43', 'UA-65']);
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(REGIONS.length);
  });

  it('gives every Russian subject a federal district and Russian and English names', () => {
    for (const r of REGIONS.filter((x) => x.group === 'russia')) {
      expect(r.code).toMatch(/^RU-[A-Z]{2,3}$/);
      expect(r.federalDistrict).not.toBeNull();
      expect(r.nameRu).toMatch(/[А-Яа-я]/);
      expect(r.nameEn).toMatch(/^[A-Z]/);
    }
  });

  it('puts every region on its own tile, Kaliningrad far left and Chukotka far right', () => {
    const tiles = REGIONS.map((r) => `${r.tile.row},${r.tile.col}`);
    expect(new Set(tiles).size).toBe(REGIONS.length);
    const cols = REGIONS.map((r) => r.tile.col);
    expect(REGION_BY_CODE.get('RU-KGD')?.tile.col).toBe(Math.min(...cols));
    expect(REGION_BY_CODE.get('RU-CHU')?.tile.col).toBe(Math.max(...cols));
    expect(REGION_BY_CODE.get('RU-CHU')?.tile.row).toBe(0);
    const russianCols = REGIONS.filter((r) => r.group === 'russia').map((r) => r.tile.col);
    expect(russianCols.filter((c) => c === REGION_BY_CODE.get('RU-KGD')?.tile.col)).toHaveLength(1);
  });
});
