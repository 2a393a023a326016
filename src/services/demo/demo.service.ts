import { generateEvents } from '../../core/synth/generate.js';
import { DEFAULT_RULE } from '../../core/verification/confirmation-rule.js';
import type { Db } from '../../db/database.js';
import { importRecords, type ImportRow } from '../import/import.service.js';
import { backlog, decide, VerificationRefused } from '../verification/verification.service.js';

export interface DemoOptions {
  persons: number;
  seed: number | string;
  /** Share of reported deaths a (synthetic) second editor confirms. */
  confirmShare?: number;
}

export interface DemoSummary {
  persons: number;
  claims: number;
  confirmed: number;
}

export const DEMO_CONTRIBUTOR = 'demo-volunteer';
export const DEMO_EDITOR = 'demo-editor';

function* demoRows(options: DemoOptions): Generator<ImportRow> {
  let row = 1;
  for (const event of generateEvents({ persons: options.persons, seed: options.seed })) {
    if (event.kind !== 'record') continue;
    row++;
    yield { row, record: { ...event.record, extra: { person_id: `demo-${event.personId}` } } };
  }
}

/**
 * Fills a register with the SYNTHETIC demo: fictional people with records in the styles of real sources,
 * grouped by the generator's truth, and a share of them confirmed by a second (synthetic) editor.
 */
export async function loadDemo(db: Db, options: DemoOptions): Promise<DemoSummary> {
  const summary = await importRecords(db, demoRows(options), {
    actor: DEMO_CONTRIBUTOR,
    fileName: `synthetic-demo-seed-${options.seed}.csv`,
    fileSha256: '0'.repeat(64),
    format: 'csv',
    personColumn: 'person_id',
  });
  const share = options.confirmShare ?? 0.8;
  const ids: string[] = [];
  for (let page = await backlog(db, { limit: 1000 }); page.length > 0; page = await backlog(db, { limit: 1000, offset: ids.length })) {
    ids.push(...page.map((p) => p.id));
  }
  let confirmed = 0;
  for (const [i, id] of ids.entries()) {
    if (((i * 7919) % 1000) / 1000 >= share) continue; // a fixed, spread-out share
    try {
      await decide(db, DEFAULT_RULE, { personId: id, decision: 'confirmed', reason: 'synthetic demo: checked against the synthetic source', actor: DEMO_EDITOR });
      confirmed++;
    } catch (error) {
      if (!(error instanceof VerificationRefused)) throw error; // e.g. only a leaked roster: stays in the backlog
    }
  }
  return { persons: summary.persons, claims: summary.claims, confirmed };
}
