import type { CompiledScheme } from './engine.js';
import { compileScheme } from './engine.js';
import { schemeDefinitionSchema } from './translit.schemas.js';
import type { SchemeDefinition } from './translit.schemas.js';
import alaLc from './schemas/ala_lc.json' with { type: 'json' };
import alaLcAlt from './schemas/ala_lc_alt.json' with { type: 'json' };
import bgnPcgn from './schemas/bgn_pcgn.json' with { type: 'json' };
import bgnPcgnAlt from './schemas/bgn_pcgn_alt.json' with { type: 'json' };
import bs2979 from './schemas/bs_2979.json' with { type: 'json' };
import bs2979Alt from './schemas/bs_2979_alt.json' with { type: 'json' };
import gost16876 from './schemas/gost_16876.json' with { type: 'json' };
import gost16876Alt from './schemas/gost_16876_alt.json' with { type: 'json' };
import gost52290 from './schemas/gost_52290.json' with { type: 'json' };
import gost52535 from './schemas/gost_52535.json' with { type: 'json' };
import gost7034 from './schemas/gost_7034.json' with { type: 'json' };
import gost779 from './schemas/gost_779.json' with { type: 'json' };
import gost779Alt from './schemas/gost_779_alt.json' with { type: 'json' };
import icaoDoc9303 from './schemas/icao_doc_9303.json' with { type: 'json' };
import iso91954 from './schemas/iso_9_1954.json' with { type: 'json' };
import iso91968 from './schemas/iso_9_1968.json' with { type: 'json' };
import iso91968Alt from './schemas/iso_9_1968_alt.json' with { type: 'json' };
import mosmetro from './schemas/mosmetro.json' with { type: 'json' };
import mvd310 from './schemas/mvd_310.json' with { type: 'json' };
import mvd310Fr from './schemas/mvd_310_fr.json' with { type: 'json' };
import mvd782 from './schemas/mvd_782.json' with { type: 'json' };
import scientific from './schemas/scientific.json' with { type: 'json' };
import telegram from './schemas/telegram.json' with { type: 'json' };
import ungegn1987 from './schemas/ungegn_1987.json' with { type: 'json' };
import uz from './schemas/uz.json' with { type: 'json' };
import wikipedia from './schemas/wikipedia.json' with { type: 'json' };
import yandexMaps from './schemas/yandex_maps.json' with { type: 'json' };
import yandexMoney from './schemas/yandex_money.json' with { type: 'json' };

/** Names of the bundled iuliia schemes (file names in ./schemas). */
export const SCHEME_NAMES = [
  'ala_lc',
  'ala_lc_alt',
  'bgn_pcgn',
  'bgn_pcgn_alt',
  'bs_2979',
  'bs_2979_alt',
  'gost_16876',
  'gost_16876_alt',
  'gost_52290',
  'gost_52535',
  'gost_7034',
  'gost_779',
  'gost_779_alt',
  'icao_doc_9303',
  'iso_9_1954',
  'iso_9_1968',
  'iso_9_1968_alt',
  'mosmetro',
  'mvd_310',
  'mvd_310_fr',
  'mvd_782',
  'scientific',
  'telegram',
  'ungegn_1987',
  'uz',
  'wikipedia',
  'yandex_maps',
  'yandex_money',
] as const;

export type SchemeName = (typeof SCHEME_NAMES)[number];

const RAW: Record<SchemeName, unknown> = {
  ala_lc: alaLc,
  ala_lc_alt: alaLcAlt,
  bgn_pcgn: bgnPcgn,
  bgn_pcgn_alt: bgnPcgnAlt,
  bs_2979: bs2979,
  bs_2979_alt: bs2979Alt,
  gost_16876: gost16876,
  gost_16876_alt: gost16876Alt,
  gost_52290: gost52290,
  gost_52535: gost52535,
  gost_7034: gost7034,
  gost_779: gost779,
  gost_779_alt: gost779Alt,
  icao_doc_9303: icaoDoc9303,
  iso_9_1954: iso91954,
  iso_9_1968: iso91968,
  iso_9_1968_alt: iso91968Alt,
  mosmetro,
  mvd_310: mvd310,
  mvd_310_fr: mvd310Fr,
  mvd_782: mvd782,
  scientific,
  telegram,
  ungegn_1987: ungegn1987,
  uz,
  wikipedia,
  yandex_maps: yandexMaps,
  yandex_money: yandexMoney,
};

const definitions = new Map<SchemeName, SchemeDefinition>();
const compiled = new Map<SchemeName, CompiledScheme>();

/** The validated iuliia definition of a scheme, samples included. */
export function schemeDefinition(name: SchemeName): SchemeDefinition {
  let def = definitions.get(name);
  if (def === undefined) {
    def = schemeDefinitionSchema.parse(RAW[name]);
    definitions.set(name, def);
  }
  return def;
}

/** The compiled scheme, built on first use. */
export function compiledScheme(name: SchemeName): CompiledScheme {
  let scheme = compiled.get(name);
  if (scheme === undefined) {
    scheme = compileScheme(schemeDefinition(name));
    compiled.set(name, scheme);
  }
  return scheme;
}
