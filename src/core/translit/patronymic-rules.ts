// Patronymics derived from a father's name, by Russian and by Ukrainian rules, so that a
// Ukrainian patronymic (Федірович, Микитівна) can be brought back to the Russian one.

type Sex = 'male' | 'female';

const RUSSIAN_IRREGULAR: Readonly<Record<string, readonly [string, string]>> = {
  Павел: ['Павлович', 'Павловна'],
  Пётр: ['Петрович', 'Петровна'],
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
};

const UKRAINIAN_IRREGULAR: Readonly<Record<string, readonly [string, string]>> = {
  Микола: ['Миколайович', 'Миколаївна'],
  Ілля: ['Ілліч', 'Іллівна'],
  Федір: ['Федорович', 'Федорівна'],
  Яків: ['Якович', 'Яківна'],
};

const VOWELS = 'аеёиоуыэюяіїє';

/** Russian patronymic of a father's name (Сергей → Сергеевич / Сергеевна), or undefined. */
export function russianPatronymic(father: string, sex: Sex): string | undefined {
  const irregular = RUSSIAN_IRREGULAR[father];
  if (irregular) return sex === 'male' ? irregular[0] : irregular[1];
  const soft = (stem: string): string => stem + (sex === 'male' ? 'евич' : 'евна');
  const hard = (stem: string): string => stem + (sex === 'male' ? 'ович' : 'овна');
  if (father.endsWith('ий') && !VOWELS.includes(father.charAt(father.length - 3))) {
    return soft(`${father.slice(0, -2)}ь`); // Юрий → Юрьевич
  }
  if (father.endsWith('й') || father.endsWith('ь')) return soft(father.slice(0, -1));
  if (/[жчшщц]$/.test(father)) return soft(father);
  if (/[аеёиоуыэюя]$/.test(father)) return undefined;
  return hard(father);
}

/** Ukrainian patronymics of a father's name in its Ukrainian form: the rule's and the usual one. */
export function ukrainianPatronymics(father: string, sex: Sex): string[] {
  const male = sex === 'male';
  const out: string[] = [];
  const irregular = UKRAINIAN_IRREGULAR[father];
  if (irregular) out.push(male ? irregular[0] : irregular[1]);
  if (father.endsWith('ій') || father.endsWith('й')) {
    out.push(male ? `${father}ович` : `${father.slice(0, -1)}ївна`);
  } else if (father.endsWith('ь')) {
    out.push(male ? `${father}ович` : `${father.slice(0, -1)}івна`);
  } else if (/[оа]$/.test(father)) {
    out.push(male ? `${father.slice(0, -1)}ович` : `${father.slice(0, -1)}івна`);
  } else {
    out.push(male ? `${father}ович` : `${father}івна`);
  }
  return out;
}
