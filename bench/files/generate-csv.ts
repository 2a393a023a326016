import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

const SURNAMES = ['Иванов', 'Петров', 'Сидоров', 'Гарипов', 'Бадмаев', 'Ооржак', 'Магомедов', 'Кузнецов', 'Ахметов', 'Цыренов'];
const GIVEN = ['Иван', 'Пётр', 'Алексей', 'Ринат', 'Баир', 'Айдын', 'Магомед', 'Сергей', 'Тимур', 'Дмитрий'];
const PATRONYMIC = ['Иванович', 'Петрович', 'Алексеевич', 'Ринатович', 'Баирович', 'Сергеевич'];
const REGIONS = ['Свердловская обл.', 'респ. Бурятия', 'Кузбасс', 'Тыва', 'Дагестан', 'Башкортостан', 'Подмосковье'];
const CATEGORIES = ['мобилизованный', 'Шторм Z', 'ЧВК Вагнер', 'контрактник', 'доброволец'];
const HEADER = 'record_id,list,source_kind,source_url,published_at,surname,given_name,patronymic,full_name,sex,birth_date,age,region,death_date,death_place,category,rank,unit,note';

/** A small deterministic PRNG (mulberry32), so every run reads the same synthetic file. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes a synthetic record CSV of about `bytes` bytes; returns its row count. */
export async function generateCsv(path: string, bytes: number): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const rnd = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  let written = 0;
  let rows = 0;
  const write = async (text: string): Promise<void> => {
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`\uFEFF${HEADER}\n`);
  while (written < bytes) {
    rows++;
    const [s, g, p] = [pick(SURNAMES), pick(GIVEN), pick(PATRONYMIC)];
    const note = rnd() < 0.1 ? `"цитата: ""${g}, вернись""\nвторая строка"` : '';
    const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
    await write(
      `r${rows},mediazona,relative_post,https://example.test/p/${rows},2023-03-${day},${s},${g},${p},"${s} ${g} ${p}",m,${day}.04.19${70 + Math.floor(rnd() * 30)},${18 + Math.floor(rnd() * 40)} лет,${pick(REGIONS)},${day}.03.2023,под Бахмутом,${pick(CATEGORIES)},рядовой,в/ч ${10000 + Math.floor(rnd() * 89999)},${note}\n`,
    );
  }
  out.end();
  await once(out, 'finish');
  return rows;
}
