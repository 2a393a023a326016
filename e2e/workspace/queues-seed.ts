// Synthetic records for the queue tests (invented names, example.org links): near-identical pairs that a
// linkage run queues as likely duplicates, and reported deaths spread over regions, categories and source kinds
// for the verification backlog's filters.
import type { RecordRow } from '../../src/core/record/record.schemas.js';
import type { Db } from '../../src/db/database.js';
import { importRecords } from '../../src/services/import/import.service.js';
import { linkRegister } from '../../src/services/review/link-register.service.js';

/** The same invented person entered twice (from two sources): each pair is a duplicate the queue should offer. */
export const DUPLICATE_PAIRS: readonly RecordRow[] = [
  {
    surname: 'Дублёв',
    given_name: 'Семён',
    patronymic: 'Игоревич',
    birth_date: '1988-02-03',
    region: 'Бурятия',
    death_date: '2024-06-01',
    category: 'мобилизованный',
  },
  {
    surname: 'Копиин',
    given_name: 'Аркадий',
    patronymic: 'Львович',
    birth_date: '1979-11-20',
    region: 'Пермский край',
    death_date: '2024-08-15',
    category: 'доброволец',
  },
  {
    surname: 'Повторов',
    given_name: 'Евсей',
    patronymic: 'Маркович',
    birth_date: '1993-07-09',
    region: 'Тыва',
    death_date: '2024-09-30',
    category: 'заключённый',
  },
];

/** Reported deaths for the backlog filters: [surname, region, category, source kind]. */
export const BACKLOG: readonly [string, string, string, string][] = [
  ['Фильтров', 'Бурятия', 'заключённый', 'obituary'],
  ['Выборкин', 'Бурятия', 'мобилизованный', 'relative_post'],
  ['Отборов', 'Бурятия', 'заключённый', 'relative_post'],
  ['Ситов', 'Пермский край', 'заключённый', 'obituary'],
  ['Решетов', 'Тыва', 'доброволец', 'local_media'],
];

function* rows(): Generator<{ row: number; record: RecordRow }> {
  let row = 1;
  for (const [i, person] of DUPLICATE_PAIRS.entries()) {
    for (const kind of ['local_media', 'relative_post']) {
      yield {
        row: ++row,
        record: {
          ...person,
          source_kind: kind,
          source_url: `https://example.org/synthetic/pair-${String(i)}-${kind}`,
        },
      };
    }
  }
  for (const [i, [surname, region, category, kind]] of BACKLOG.entries()) {
    yield {
      row: ++row,
      record: {
        surname,
        given_name: 'Тестовый',
        birth_date: String(1970 + i),
        region,
        category,
        death_date: '2024-10-01',
        source_kind: kind,
        source_url: `https://example.org/synthetic/backlog-${String(i)}`,
      },
    };
  }
}

/** Imports the synthetic pairs and backlog records (each row its own person) and runs linkage, so the pairs are queued. */
export async function seedQueues(db: Db): Promise<void> {
  await importRecords(db, rows(), {
    actor: 'synthetic-volunteer',
    fileName: 'synthetic-queues.csv',
    fileSha256: 'b'.repeat(64),
    format: 'csv',
  });
  await linkRegister(db, { actor: 'synthetic-editor' });
}
