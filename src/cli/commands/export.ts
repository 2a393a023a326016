import { Command, Option } from 'commander';
import { exportPersons, exportRecords } from '../../services/export/export.service.js';
import { writeRecords } from '../../services/files/record-writer.js';
import { log, withDb } from '../context.js';

/** `reckon export`: the register as CSV, JSON or XLSX, formula-safe. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('export the register: records (every claim as given, re-importable) or persons (one row each, normalised)')
    .addOption(new Option('--what <what>', 'what to export').choices(['records', 'persons']).default('records'))
    .addOption(new Option('--to <format>', 'file format').choices(['csv', 'json', 'xlsx']).default('csv'))
    .option('--out <file>', 'output file (default: stdout; XLSX needs a file)')
    .option('--bom', 'start CSV with a UTF-8 BOM (for Excel)')
    .action(async (opts: { what: 'records' | 'persons'; to: 'csv' | 'json' | 'xlsx'; out?: string; bom?: boolean }, command: Command) => {
      await withDb(command, async (db) => {
        const table = opts.what === 'records' ? await exportRecords(db) : exportPersons(db);
        const result = await writeRecords(opts.out ?? process.stdout, opts.to, table.columns, table.rows, { bom: opts.bom });
        log(`exported ${result.rows} ${opts.what}${opts.out ? ` to ${opts.out}` : ''}`);
      });
    });
}
