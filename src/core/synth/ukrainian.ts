import { UKRAINIAN_FORMS } from './names-given.data.js';

const VOWELS = new Set(Array.from('аеєиіїоуюяАЕЄИІЇОУЮЯ'));

/**
 * A Russian name spelt as Ukrainian sources spell it: known given names by their Ukrainian form
 * (Сергей → Сергій), other words letter by letter (и → і, ы → и, э → е, ё → ьо/йо).
 * @example ukrainianName('Иванов') // 'Іванов'
 */
export function ukrainianName(russian: string): string {
  const known = UKRAINIAN_FORMS[russian]?.[0];
  if (known) return known;
  let out = '';
  for (let i = 0; i < russian.length; i++) {
    const ch = russian[i] ?? '';
    const prev = russian[i - 1] ?? '';
    const afterVowel = i === 0 || VOWELS.has(prev);
    switch (ch) {
      case 'и':
        out += 'і';
        break;
      case 'И':
        out += 'І';
        break;
      case 'ы':
        out += 'и';
        break;
      case 'э':
        out += 'е';
        break;
      case 'Э':
        out += 'Е';
        break;
      case 'ь':
        // Завьялов → Зав'ялов, Васильев → Васільєв; elsewhere the soft sign stays
        if (russian[i + 1] === 'е') {
          out += 'ьє';
          i++;
        } else out += 'яю'.includes(russian[i + 1] ?? ' ') ? "'" : 'ь';
        break;
      case 'ъ':
        out += "'";
        break;
      case 'ё':
        out += afterVowel ? 'йо' : 'ьо';
        break;
      case 'Е':
        out += i === 0 ? 'Є' : 'Е';
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/**
 * A patronymic by Ukrainian rules from a father's name in its Ukrainian form.
 * @example ukrainianPatronymic('Сергій', 'male') // 'Сергійович'
 * @example ukrainianPatronymic('Василь', 'female') // 'Василівна'
 */
export function ukrainianPatronymic(father: string, sex: 'male' | 'female'): string {
  const male = sex === 'male';
  if (father === 'Микола') return male ? 'Миколайович' : 'Миколаївна';
  if (father === 'Ілля') return male ? 'Ілліч' : 'Іллівна';
  if (father.endsWith('ій')) return male ? `${father}ович` : `${father.slice(0, -1)}ївна`;
  if (father.endsWith('ь')) return male ? `${father}ович` : `${father.slice(0, -1)}івна`;
  if (father.endsWith('о') || father.endsWith('а')) {
    const stem = father.slice(0, -1);
    return male ? `${stem}ович` : `${stem}івна`;
  }
  if (father.endsWith('й')) return male ? `${father}ович` : `${father.slice(0, -1)}ївна`;
  return male ? `${father}ович` : `${father}івна`;
}
