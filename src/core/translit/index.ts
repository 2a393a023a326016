export { canonicalName } from './canonical.js';
export type { NamePart } from './canonical.js';
export { dmSoundex } from './soundex.js';
export { SCHEME_NAMES, transliterate } from './transliterate.js';
export type { SchemeName } from './transliterate.js';
export { VARIANT_SYSTEMS, nameVariants, nameVariantsBySystem } from './variants.js';
export type { VariantSystem } from './variants.js';
