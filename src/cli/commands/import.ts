import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { parseMapFlags, parseMappingJson } from '../../core/mapping/index.js';
import { importFile } from '../../services/import/import-file.js';
import { ImportRejected } from '../../services/import/import.service.js';
import type { ImportSummary } from '../../services/import/import.schemas.js';
import { UserError } from '../cli-error.js';
import { log, printData, withDb } from '../context.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function report(command: Command, summary: ImportSummary): void {
  for (const p of summary.problems.slice(0, 20)) log(`row ${p.row}, column ${p.column}: ${p.severity}: ${p.message}`);
  if (summary.problems.length > 20) log(`… ${summary.errors + summary.warnings - 20} more problems (use --format json to see them)`);
  const { problems, ...counts } = summary;
  printData(command, command.optsWithGlobals<{ format: string }>().format === 'json' ? summary : { ...counts, problems: problems.length });
}

/** `reckon import FILE`: CSV or XLSX records into the register, all-or-nothing. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import a CSV or XLSX file of records (one row per source mention); all rows or none')
    .argument('<file>', 'CSV or XLSX file')
    .option('--dry-run', 'check the file and preview problems; write nothing')
    .option('--map <header=column>', 'map a file header to a record column (repeatable); "Header=" ignores it', collect, [])
    .option('--default <column=value>', 'value for empty cells of a column (repeatable)', collect, [])
    .option('--mapping <file>', 'JSON mapping file: {"columns": {"Header": "column"}, "defaults": {...}}')
    .option('--sheet <name>', 'XLSX worksheet (default: the first)')
    .option('--person-column <column>', 'rows with the same value here are the same person (e.g. your own person id)')
    .addOption(new Option('--unescape-formulas', "re-importing Reckon's own export: drop the apostrophe before formula-like text"))
    .action(async (file: string, opts: { dryRun?: boolean; map: string[]; default: string[]; mapping?: string; sheet?: string; personColumn?: string; unescapeFormulas?: boolean }, command: Command) => {
      if (opts.mapping !== undefined && opts.map.length > 0) throw new UserError('give either --mapping or --map, not both');
      const mapping =
        opts.mapping !== undefined
          ? parseMappingJson(readFileSync(opts.mapping, 'utf8'))
          : opts.map.length > 0 || opts.default.length > 0
            ? parseMapFlags(opts.map, opts.default)
            : undefined;
      await withDb(command, async (db, g) => {
        try {
          const summary = await importFile(db, file, {
            actor: g.actor,
            dryRun: opts.dryRun ?? false,
            ...(mapping === undefined ? {} : { mapping }),
            ...(opts.sheet === undefined ? {} : { sheet: opts.sheet }),
            ...(opts.personColumn === undefined ? {} : { personColumn: opts.personColumn }),
            ...(opts.unescapeFormulas ? { unescapeFormulas: true } : {}),
          });
          report(command, summary);
          if (opts.dryRun && summary.errors > 0) throw new UserError(`dry run: ${summary.errors} error(s); the import would be rejected`);
        } catch (error) {
          if (error instanceof ImportRejected) {
            report(command, error.summary);
            throw new UserError(error.message);
          }
          throw error;
        }
      });
    });
}
