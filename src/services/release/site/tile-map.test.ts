import { describe, expect, it } from 'vitest';
import { REGIONS } from '../../../core/regions/region.js';
import { layoutTiles, tileMapSvg } from './tile-map.js';

describe('tile map', () => {
  const byRegion = [
    { key: 'RU-MOW', count: 7 },
    { key: 'RU-XXX', count: 2 },
    { key: 'UA-43', count: 1 },
    { key: 'BY-HM', count: 3 },
    { key: 'FOREIGN', count: 4 },
    { key: 'UNKNOWN', count: 5 },
  ];

  it('has one tile per gazetteer region and the tiles sum to the total', () => {
    const tiles = layoutTiles(byRegion, REGIONS, 'ru');
    expect(tiles.length).toBe(REGIONS.length);
    expect(tiles.reduce((s, x) => s + x.count, 0)).toBe(22);
    expect(tiles.find((x) => x.code === 'UNKNOWN')?.count).toBe(7); // unknown RU code joins Unknown
    expect(tiles.find((x) => x.code === 'FOREIGN')?.count).toBe(7); // a code outside the gazetteer joins Foreign
    expect(new Set(tiles.map((x) => `${x.row},${x.col}`)).size).toBe(tiles.length);
  });

  it('renders every tile with its count', () => {
    const svg = tileMapSvg(layoutTiles(byRegion, REGIONS, 'en'), 'en', 'Regions');
    const counts = [...svg.matchAll(/data-count="(\d+)"/g)].map((m) => Number(m[1]));
    expect(counts.length).toBe(REGIONS.length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(22);
    expect(svg).toContain('<title>Moscow: 7</title>');
  });
});
