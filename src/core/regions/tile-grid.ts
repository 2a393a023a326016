/**
 * Tile-map layout shaped like Russia (west on the left, Kaliningrad far left, Chukotka far right), one
 * 4-character cell per column: a code without its "RU-" prefix, an occupied-territory tag, FOR, UNK or ".".
 */
const GRID = `
.   .   MUR .   .   .   .   .   .   .   .   .   .   .   .   .   CHU
.   .   KR  ARK .   NEN .   .   YAN .   KYA .   .   SA  .   MAG KAM
.   SPE LEN VLG KOS KIR KO  PER KHM TOM KK  IRK BU  ZAB AMU KHA SAK
KGD PSK NGR YAR IVA ME  UD  SVE TYU OMS NVS KEM TY  .   YEV PRI .
.   SMO TVE MOW VLA NIZ TA  BA  CHE KGN ALT AL  .   .   .   .   .
.   BRY KLU MOS RYA MO  CU  ULY SAM ORE .   .   .   .   .   .   .   .
.   KRS ORL TUL LIP TAM PNZ SAR .   .   .   .   .   .   .   .   .
.   .   BEL VOR VGG .   .   .   .   .   .   .   .   .   .   .   .
KHE ZAP DON LUG ROS KL  AST .   .   .   .   .   .   .   .   .   .
SEV CRI .   KDA STA .   .   .   DA  .   .   .   .   .   FOR UNK .
.   .   .   AD  KC  KB  SE  IN  CE  .   .   .   .   .   .   .   .
`;

const TAGS: Readonly<Record<string, string>> = {
  KHE: 'UA-65',
  ZAP: 'UA-23',
  DON: 'UA-14',
  LUG: 'UA-09',
  SEV: 'UA-40',
  CRI: 'UA-43',
  FOR: 'FOREIGN',
  UNK: 'UNKNOWN',
};

const CELL_WIDTH = 4;

function parseGrid(): ReadonlyMap<string, { row: number; col: number }> {
  const tiles = new Map<string, { row: number; col: number }>();
  const lines = GRID.split('\n').slice(1, -1);
  lines.forEach((line, row) => {
    for (let col = 0; col * CELL_WIDTH < line.length; col++) {
      const cell = line.slice(col * CELL_WIDTH, (col + 1) * CELL_WIDTH).trim();
      if (cell === '.' || cell === '') continue;
      tiles.set(TAGS[cell] ?? `RU-${cell}`, { row, col });
    }
  });
  return tiles;
}

/** Region code → tile position (row 0 at the top, col 0 on the left). */
export const TILE_POSITIONS: ReadonlyMap<string, { row: number; col: number }> = parseGrid();
