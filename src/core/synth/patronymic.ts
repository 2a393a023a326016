/** Fathers' names whose patronymics break the regular rules (male form, female form). */
const IRREGULAR: Readonly<Record<string, readonly [string, string]>> = {
  Павел: ['Павлович', 'Павловна'],
  Пётр: ['Петрович', 'Петровна'],
  Петр: ['Петрович', 'Петровна'],
  Лев: ['Львович', 'Львовна'],
  Яков: ['Яковлевич', 'Яковлевна'],
  Михаил: ['Михайлович', 'Михайловна'],
  Дмитрий: ['Дмитриевич', 'Дмитриевна'],
  Георгий: ['Георгиевич', 'Георгиевна'],
  Илья: ['Ильич', 'Ильинична'],
  Кузьма: ['Кузьмич', 'Кузьминична'],
  Фома: ['Фомич', 'Фоминична'],
  Лука: ['Лукич', 'Лукинична'],
  Никита: ['Никитич', 'Никитична'],
  Савва: ['Саввич', 'Саввична'],
  Данила: ['Данилович', 'Даниловна'],
  Доржо: ['Доржиевич', 'Доржиевна'],
};

const HUSHING = new Set(['ж', 'ш', 'ч', 'щ', 'ц']);
const VOWELS = new Set(['а', 'е', 'и', 'о', 'у', 'э', 'ю', 'я', 'ы']);

/**
 * The patronymic derived from a father's given name, by the Russian rules:
 * hard consonant → -ович/-овна, -й/-ь or a hushing consonant → -евич/-евна (-ий → -ьевич),
 * a few Russian names in -а/-я → -ич/-ична; non-Russian names ending in a vowel → -евич/-евна.
 * @example patronymicOf('Сергей', 'male') // 'Сергеевич'
 * @example patronymicOf('Никита', 'female') // 'Никитична'
 */
export function patronymicOf(father: string, sex: 'male' | 'female'): string {
  const irregular = IRREGULAR[father];
  if (irregular) return sex === 'male' ? irregular[0] : irregular[1];
  const last = father.slice(-1);
  const stem = father.slice(0, -1);
  const soft = (s: string): string => (sex === 'male' ? `${s}евич` : `${s}евна`);
  const hard = (s: string): string => (sex === 'male' ? `${s}ович` : `${s}овна`);
  if (last === 'й') {
    // Юрий → Юрьевич, Сергей → Сергеевич, Николай → Николаевич
    if (father.endsWith('ий') && !VOWELS.has(father.slice(-3, -2))) return soft(`${father.slice(0, -2)}ь`);
    return soft(stem);
  }
  if (last === 'ь') return soft(stem);
  if (HUSHING.has(last)) return soft(father);
  if (VOWELS.has(last)) return soft(father);
  return hard(father);
}
