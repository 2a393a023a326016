import {
  registryCountsFromRows,
  registryMatchesFromRows,
  type RegistryCount,
  type RegistryMatch,
} from '../../core/estimate/registry-input.js';
import { readCsvFile } from './csv-file.js';

/** Reads registry counts (sex, age_band, period, phase, deaths) from a CSV file. */
export function readRegistryCounts(path: string): Promise<RegistryCount[]> {
  return readCsvFile(path, 'registry counts file', (header, rows) => registryCountsFromRows(header, rows, 2));
}

/** Reads registry matches (age_band, named, found) from a CSV file. */
export function readRegistryMatches(path: string): Promise<RegistryMatch[]> {
  return readCsvFile(path, 'registry matches file', (header, rows) =>
    registryMatchesFromRows(header, rows, 2),
  );
}
