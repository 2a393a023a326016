import { esc, fmtNumber, regionName } from './html.js';
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
}

/**
 * Places every region count on a tile: gazetteer regions at their grid square, then Foreign and
 * Unknown below the grid. Codes the gazetteer lacks join Unknown (RU-…) or Foreign (others),
 * so the tiles always sum to the total.
 */
export function layoutTiles(byRegion: readonly CountRow[], regions: readonly RegionTile[], lang: Lang): Tile[] {
  const counts = new Map(byRegion.map((r) => [r.key, r.count]));
  const known = new Set(regions.map((r) => r.code));
  let foreign = counts.get('FOREIGN') ?? 0;
  let unknown = counts.get('UNKNOWN') ?? 0;
  for (const [code, n] of counts) {
    if (code === 'FOREIGN' || code === 'UNKNOWN' || known.has(code)) continue;
    if (code.startsWith('RU-')) unknown += n;
    else foreign += n;
  }
  const tiles: Tile[] = regions.map((r) => ({
    code: r.code,
    label: r.code.replace(/^[A-Z]{2}-/, ''),
    name: lang === 'ru' ? r.nameRu : r.nameEn,
    count: counts.get(r.code) ?? 0,
    row: r.tile.row,
    col: r.tile.col,
  }));
  const bottom = Math.max(-1, ...regions.map((r) => r.tile.row)) + 2;
  tiles.push({ code: 'FOREIGN', label: t(lang).foreign, name: regionName('FOREIGN', lang, regions), count: foreign, row: bottom, col: 0 });
  tiles.push({ code: 'UNKNOWN', label: t(lang).unknown, name: regionName('UNKNOWN', lang, regions), count: unknown, row: bottom, col: 3 });
  return tiles;
}

function shade(count: number, max: number): string {
  if (count === 0 || max === 0) return SHADES[0] ?? '#fff';
  const i = Math.min(SHADES.length - 1, 1 + Math.floor((count / max) * (SHADES.length - 1) * 0.999));
  return SHADES[i] ?? '#000';
}

/** The region tile map as inline SVG; every tile carries data-code and data-count. */
export function tileMapSvg(tiles: readonly Tile[], lang: Lang, label: string): string {
  const max = Math.max(0, ...tiles.filter((x) => x.code !== 'FOREIGN' && x.code !== 'UNKNOWN').map((x) => x.count));
  const cols = Math.max(...tiles.map((x) => x.col)) + 3;
  const rows = Math.max(...tiles.map((x) => x.row)) + 1;
  const wide = (x: Tile): boolean => x.code === 'FOREIGN' || x.code === 'UNKNOWN';
  const parts = tiles.map((x) => {
    const w = wide(x) ? SIZE * 3 - GAP : SIZE - GAP;
    const px = x.col * SIZE;
    const py = x.row * SIZE;
    const fill = wide(x) ? '#d9d9d9' : shade(x.count, max);
    const ink = !wide(x) && fill === SHADES[4] ? '#fff' : '#222';
    return `<g class="tile" data-code="${esc(x.code)}" data-count="${x.count}"><title>${esc(x.name)}: ${fmtNumber(x.count, lang)}</title><rect x="${px}" y="${py}" width="${w}" height="${SIZE - GAP}" fill="${fill}"/><text x="${px + 3}" y="${py + 12}" font-size="9" fill="${ink}">${esc(x.label)}</text><text x="${px + 3}" y="${py + 29}" font-size="11" font-weight="bold" fill="${ink}" class="tile-count">${x.count}</text></g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(label)}" viewBox="0 0 ${cols * SIZE} ${rows * SIZE}" width="${cols * SIZE}" height="${rows * SIZE}" class="tile-map">${parts.join('')}</svg>`;
}

/** Tile positions for regions when no gazetteer is available: the codes in rows of 12. */
export function fallbackRegions(codes: readonly string[]): RegionTile[] {
  return codes
    .filter((c) => c !== 'FOREIGN' && c !== 'UNKNOWN')
    .map((code, i) => ({ code, nameRu: code, nameEn: code, tile: { row: Math.floor(i / 12), col: i % 12 } }));
}
