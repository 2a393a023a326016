import { applyScheme } from './engine.js';
import { compiledScheme } from './schemes.js';
import type { SchemeName } from './schemes.js';

export type { SchemeName } from './schemes.js';
export { SCHEME_NAMES } from './schemes.js';

/**
 * Transliterate Cyrillic text with one of the iuliia schemes.
 * @example transliterate('Юрий Щербаков', 'wikipedia') // 'Yury Shcherbakov'
 */
export function transliterate(text: string, scheme: SchemeName): string {
  return applyScheme(text, compiledScheme(scheme));
}
