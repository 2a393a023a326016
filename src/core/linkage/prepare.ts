import type { RawRow } from './dataset.js';
import { preparePersonRecords } from './person-register.js';
import type { LinkageSettings } from './settings.schemas.js';

/** Applies the settings' preparation step to raw rows (identity for `none`). */
export function prepareRows(settings: LinkageSettings, rows: readonly RawRow[]): RawRow[] {
  switch (settings.prepare) {
    case 'none':
      return [...rows];
    case 'person-register':
      return preparePersonRecords(rows, settings.idColumn);
  }
}
