// Test support for DB-CRASH: writes persons one transaction at a time and prints each id after its commit
// (the acknowledgement). The test kills this process at a random moment and checks every printed id survived.
import { openDb } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrator.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { seedPerson } from './seed.js';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: crash-writer DB');
const db = await openDb(path);
await migrateToLatest(db);
process.stdout.write('ready\n');
for (;;) {
  const id = await db.kysely.transaction().execute(async (trx) => {
    const tx = { ...db, kysely: trx };
    const personId = await seedPerson(tx, { author: 'crash-writer', kind: 'local_media' });
    await appendAudit(trx, db.dialect, { actor: 'crash-writer', action: 'person.create', entity: 'person', entityId: personId });
    return personId;
  });
  process.stdout.write(`${id}\n`);
}
