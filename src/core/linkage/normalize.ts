import type { ColumnSettings } from './settings.schemas.js';

/** Applies a column's normalisation steps to a raw cell; returns null for an empty result. */
export function normalizeCell(raw: string | undefined, steps: ColumnSettings['normalize']): string | null {
  if (raw === undefined) return null;
  let v = raw;
  for (const step of steps) {
    switch (step) {
      case 'trim':
        v = v.trim();
        break;
      case 'lower':
        v = v.toLowerCase();
        break;
      case 'alnum':
        v = v.replace(/[^\p{L}\p{N} ]+/gu, '');
        break;
      case 'digits':
        v = v.replace(/\D+/g, '');
        break;
      case 'localPart':
        v = v.replace(/@.*$/, '');
        break;
      case 'sortWords':
        v = v.split(/\s+/).filter((w) => w !== '').sort().join(' ');
        break;
      case 'collapse':
        v = v.replace(/\s+/g, ' ').trim();
        break;
    }
  }
  return v === '' ? null : v;
}
