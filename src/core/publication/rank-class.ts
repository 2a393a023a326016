import type { RankClass } from '../release/release.schemas.js';

const OFFICER = /(лейтенант|капитан|майор|полковник|генерал|адмирал|lieutenant|captain|major|colonel|general|admiral)/i;
const NCO = /(сержант|старшина|прапорщик|мичман|sergeant|warrant|petty officer)/i;
const ENLISTED = /(рядовой|ефрейтор|матрос|private|corporal|seaman)/i;

/**
 * The class of a rank as given (officers are tracked apart in releases).
 * @example rankClass('старший лейтенант') // 'officer'
 */
export function rankClass(rank: string | null): RankClass {
  if (rank === null || rank.trim() === '') return 'unknown';
  if (OFFICER.test(rank)) return 'officer';
  if (NCO.test(rank)) return 'nco';
  if (ENLISTED.test(rank)) return 'enlisted';
  return 'unknown';
}
