import { esc, fmtNumber } from './html.js';
import { t } from './i18n.js';
import type { Lang, RegionTile } from './site.types.js';
import type { CountRow } from '../../../core/release/release.tables.js';

const SIZE = 38;
const GAP = 2;
const SHADES = ['#f3eded', '#e6c4c4', '#d49494', '#b95c5c', '#8a1c1c'];

export interface Tile {
  code: string;
  label: string;
  name: string;
  count: number;
  row: number;
  col: number;
  /** Foreign and Unknown below the grid are three squares wide. */
  wide: boolean;
}

function tileLabel(r: RegionTile): string {
  const suffix = r.code.replace(/^[A-Z]{2}-/, '');
  if (!/^\d+$/.test(suffix)) return suffix;
  return r.nameEn.replace(/^(Autonomous )?Republic of /, '').slice(0, 3).toUpperCase();
}

const SPECIAL = new Set(['FOREIGN', 'UNKNOWN']);

/**
 * Places every region count on a tile: gazetteer regions at their grid square, Foreign and
 * Unknown at theirs (or below the grid when the gazetteer has none). Codes the gazetteer lacks
 * join Unknown (RU-…) or Foreign (others), so the tiles always sum to the total.
 */
export function layoutTiles(byRegion: readonly CountRow[], regions: readonly RegionTile[], lang: Lang): Tile[] {
  const counts = new Map(byRegion.map((r) => [r.key, r.count]));
  const known = new Set(regions.map((r) => r.code));
  let foreign = counts.get('FOREIGN') ?? 0;
  let unknown = counts.get('UNKNOWN') ?? 0;
  for (const [code, n] of counts) {
    if (SPECIAL.has(code) || known.has(code)) continue;
    if (code.startsWith('RU-')) unknown += n;
    else foreign += n;
  }
  const subjects = regions.filter((r) => !SPECIAL.has(r.code));
  const tiles: Tile[] = subjects.map((r) => ({
    code: r.code,
    label: tileLabel(r),
    name: lang === 'ru' ? r.nameRu : r.nameEn,
    count: counts.get(r.code) ?? 0,
    row: r.tile.row,
    col: r.tile.col,
    wide: false,
  }));
  const bottom = Math.max(-1, ...subjects.map((r) => r.tile.row)) + 2;
  const special = (code: 'FOREIGN' | 'UNKNOWN', count: number, col: number): Tile => {
    const r = regions.find((x) => x.code === code);
    const label = code === 'FOREIGN' ? t(lang).foreign : t(lang).unknown;
    return r
      ? { code, label: code === 'FOREIGN' ? 'FOR' : 'UNK', name: label, count, row: r.tile.row, col: r.tile.col, wide: false }
      : { code, label, name: label, count, row: bottom, col, wide: true };
  };
  tiles.push(special('FOREIGN', foreign, 0), special('UNKNOWN', unknown, 3));
  return tiles;
}

function shade(count: number, max: number): string {
  if (count === 0 || max === 0) return SHADES[0] ?? '#fff';
  const i = Math.min(SHADES.length - 1, 1 + Math.floor((count / max) * (SHADES.length - 1) * 0.999));
  return SHADES[i] ?? '#000';
}

/** The region tile map as inline SVG; every tile carries data-code and data-count. */
export function tileMapSvg(tiles: readonly Tile[], lang: Lang, label: string): string {
  const max = Math.max(0, ...tiles.filter((x) => !SPECIAL.has(x.code)).map((x) => x.count));
  const cols = Math.max(...tiles.map((x) => x.col)) + 3;
  const rows = Math.max(...tiles.map((x) => x.row)) + 1;
  const wide = (x: Tile): boolean => x.wide;
  const special = (x: Tile): boolean => SPECIAL.has(x.code);
  const parts = tiles.map((x) => {
    const w = wide(x) ? SIZE * 3 - GAP : SIZE - GAP;
    const px = x.col * SIZE;
    const py = x.row * SIZE;
    const fill = special(x) ? '#d9d9d9' : shade(x.count, max);
    const dark = fill === SHADES[4] ? ' dark' : '';
    return `<g class="tile${dark}" data-code="${esc(x.code)}" data-count="${x.count}"><title>${esc(x.name)}: ${fmtNumber(x.count, lang)}</title><rect x="${px}" y="${py}" width="${w}" height="${SIZE - GAP}" fill="${fill}"/><text x="${px + 3}" y="${py + 12}">${esc(x.label)}</text><text x="${px + 3}" y="${py + 29}" class="tile-count">${x.count}</text></g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(label)}" viewBox="0 0 ${cols * SIZE} ${rows * SIZE}" width="${cols * SIZE}" height="${rows * SIZE}" class="tile-map">${parts.join('')}</svg>`;
}
