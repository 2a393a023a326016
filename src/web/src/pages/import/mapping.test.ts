import { describe, expect, it } from 'vitest';
import type { StagedImportView } from '../../api/imports.js';
import { recordFileType, XLSX_TYPE } from '../../api/imports.js';
import { duplicateTarget, IGNORE, initialChoices, KEEP, mappingOf } from './mapping.js';

const view = (over: Partial<StagedImportView> = {}): StagedImportView => ({
  id: 'x',
  fileName: 'synthetic.csv',
  format: 'csv',
  size: 10,
  sha256: '0'.repeat(64),
  state: 'staged',
  createdBy: 'carl',
  createdAt: '2026-12-02T10:00:00Z',
  columns: ['Фамилия', 'Погиб', 'Заметка', 'Мусор'],
  sample: [],
  suggested: { columns: { Фамилия: 'surname' }, defaults: {} },
  suggestedProblem: null,
  mapping: null,
  personColumn: null,
  preview: null,
  importId: null,
  ...over,
});

describe('the column mapping form', () => {
  it('starts from the suggested mapping: guessed headers mapped, the others kept as extra data', () => {
    expect(initialChoices(view())).toEqual({ Фамилия: 'surname', Погиб: KEEP, Заметка: KEEP, Мусор: KEEP });
  });

  it('sends record columns and ignored headers, leaves kept ones out, and reads its own mapping back the same', () => {
    const v = view();
    const choices = { Фамилия: 'surname', Погиб: 'death_date', Заметка: KEEP, Мусор: IGNORE };
    const mapping = mappingOf(v, choices);
    expect(mapping).toEqual({
      columns: { Фамилия: 'surname', Погиб: 'death_date', Мусор: null },
      defaults: {},
    });
    expect(initialChoices(view({ mapping }))).toEqual(choices);
  });

  it('keeps the defaults of the last preview and ignores a choice that is not a record column', () => {
    const v = view({ mapping: { columns: {}, defaults: { source_kind: 'obituary' } } });
    expect(mappingOf(v, { Фамилия: 'not_a_column' })).toEqual({
      columns: {},
      defaults: { source_kind: 'obituary' },
    });
  });

  it('finds two headers sent to one record column (the server would refuse the mapping)', () => {
    expect(duplicateTarget({ a: 'surname', b: 'death_date', c: KEEP, d: IGNORE, e: IGNORE })).toBeNull();
    expect(duplicateTarget({ a: 'surname', b: 'death_date', c: 'surname' })).toBe('surname');
  });

  it('sends a file by its name first (browsers disagree on the type of CSV), refusing other files', () => {
    expect(recordFileType({ name: 'list.CSV', type: 'application/vnd.ms-excel' })).toBe('text/csv');
    expect(recordFileType({ name: 'list.xlsx', type: '' })).toBe(XLSX_TYPE);
    expect(recordFileType({ name: 'export', type: XLSX_TYPE })).toBe(XLSX_TYPE);
    expect(recordFileType({ name: 'list.xls', type: 'application/vnd.ms-excel' })).toBeNull();
    expect(recordFileType({ name: 'scan.pdf', type: 'application/pdf' })).toBeNull();
  });
});
