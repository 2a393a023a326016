import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { newId } from '../../core/ids.js';
import { toPublicPerson, type ConfirmedPersonData } from '../../core/publication/public-person.js';
import { canonicalJson } from '../../core/release/canonical-json.js';
import { MANIFEST_FILE, sha256Hex } from '../../core/release/release.manifest.js';
import {
  releaseSnapshotSchema,
  type PublicPerson,
  type ReleaseInput,
  type ReleaseSnapshot,
} from '../../core/release/release.schemas.js';
import type { SourceKind } from '../../core/record/record.schemas.js';
import { transliterate } from '../../core/translit/transliterate.js';
import type { ConfirmationRule } from '../../core/verification/confirmation-rule.js';
import type { Db } from '../../db/database.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import {
  findPreviousRelease,
  findRelease,
  insertRelease,
  listConfirmedPersons,
  listConfirmedSources,
} from '../../db/repositories/release.repository.js';
import { keyFingerprint, loadSigningKey, publicKeyOf } from '../release/keys.js';
import { writeRelease, type WrittenRelease } from '../release/write-release.js';
import { displayName } from '../person/person.service.js';
import { auditCheckpoint } from './checkpoint.service.js';
import { estimateForRelease } from '../estimate-records/estimate-records.service.js';
import { cutReleaseSchema, type CutReleaseInput } from './release.schemas.js';

export class ReleaseRefused extends Error {}

const date = (text: string | null, precision: string, from: string | null, to: string | null) =>
  text === null && from === null ? null : { text: text ?? '', precision: precision as 'day', from, to };

/** The confirmed register on a date, projected onto the public allowlist, in a stable order. */
export async function publicPersonsOn(db: Db, day: string, rule: ConfirmationRule): Promise<PublicPerson[]> {
  const persons = await listConfirmedPersons(db.kysely, `${day}T23:59:59.999Z`);
  const sources = new Map<string, ConfirmedPersonData['sources']>();
  for (const s of await listConfirmedSources(db.kysely)) {
    const list = sources.get(s.person_id) ?? [];
    list.push({
      url: s.url,
      kind: s.kind as SourceKind,
      publishedAt: s.published_at,
      public: s.sensitivity === 'public',
    });
    sources.set(s.person_id, list);
  }
  return persons.map((p) =>
    toPublicPerson(
      {
        id: p.id,
        surname: p.surname,
        givenName: p.given_name,
        patronymic: p.patronymic,
        fullName: p.full_name,
        nameLatin: transliterate(displayName(p), 'wikipedia'),
        sex: p.sex,
        birth: date(p.birth_date_text, p.birth_precision, p.birth_from, p.birth_to),
        ageText: p.age_text,
        regionCode: p.region_code,
        category: p.category,
        rank: p.rank,
        unit: p.unit,
        death: date(p.death_date_text, p.death_precision, p.death_from, p.death_to),
        firstConfirmedAt: p.first_confirmed_at,
        sources: sources.get(p.id) ?? [],
      },
      rule.qualifyingKinds,
    ),
  );
}

function packSnapshot(s: ReleaseSnapshot): string {
  return gzipSync(canonicalJson(s)).toString('base64');
}

function unpackSnapshot(text: string): ReleaseSnapshot {
  return releaseSnapshotSchema.parse(JSON.parse(gunzipSync(Buffer.from(text, 'base64')).toString('utf8')));
}

export interface CutRelease extends WrittenRelease {
  total: number;
  recorded: boolean;
}

/**
 * Freezes the confirmed register on a date into a signed static site (immutable; one release per date),
 * with the diff from the previous release, the rule in force and a signed audit checkpoint.
 */
export async function cutRelease(
  db: Db,
  rule: ConfirmationRule,
  input: CutReleaseInput,
): Promise<CutRelease> {
  const o = cutReleaseSchema.parse(input);
  if (!o.preview && (await findRelease(db.kysely, o.date)))
    throw new ReleaseRefused(`a release for ${o.date} exists already; releases are immutable`);
  const key = loadSigningKey(o.privateKeyPem);
  const persons = await publicPersonsOn(db, o.date, rule);
  const previousRow = await findPreviousRelease(db.kysely, o.date);
  const checkpoint = await auditCheckpoint(db, key, keyFingerprint(publicKeyOf(key)));
  const release: ReleaseInput = {
    date: o.date,
    persons,
    note: o.note,
    rule: { version: rule.version, text: rule.text },
    previous: previousRow ? unpackSnapshot(previousRow.snapshot) : null,
    checkpoint: {
      size: checkpoint.size,
      rootHash: checkpoint.rootHash,
      signature: checkpoint.signature,
      keyId: checkpoint.keyId,
    },
    estimate: await estimateForRelease(db, o.date),
  };
  const written = writeRelease(o.outDir, release, { privateKeyPem: o.privateKeyPem });
  if (o.preview) return { ...written, total: persons.length, recorded: false };
  try {
    await db.kysely.transaction().execute(async (trx) => {
      const manifestSha = sha256Hex(readFileSync(join(o.outDir, MANIFEST_FILE)));
      await insertRelease(trx, {
        id: newId(),
        release_date: o.date,
        total: persons.length,
        rule_version: rule.version,
        manifest_sha256: manifestSha,
        path: o.outDir,
        snapshot: packSnapshot({ date: o.date, persons }),
        created_by: o.actor,
        created_at: new Date().toISOString(),
      });
      await appendAudit(trx, db.dialect, {
        actor: o.actor,
        action: 'release.cut',
        entity: 'release',
        entityId: o.date,
        after: {
          total: persons.length,
          rule: rule.version,
          manifest_sha256: manifestSha,
          checkpoint_size: checkpoint.size,
        },
      });
    });
  } catch (error) {
    // An unrecorded release folder must not be mistaken for a published one.
    rmSync(o.outDir, { recursive: true, force: true });
    throw error;
  }
  return { ...written, total: persons.length, recorded: true };
}
