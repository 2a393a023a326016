const matchBufA = new Uint8Array(256);
const matchBufB = new Uint8Array(256);
const rowA = new Int32Array(256);
const rowB = new Int32Array(256);
const rowC = new Int32Array(256);

/** Jaro similarity in [0, 1]; 1 for two equal strings, 0 when either is empty. */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const flagsA = la <= 256 ? matchBufA.fill(0, 0, la) : new Uint8Array(la);
  const flagsB = lb <= 256 ? matchBufB.fill(0, 0, lb) : new Uint8Array(lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const ca = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === ca) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const t = transpositions / 2;
  return (matches / la + matches / lb + (matches - t) / matches) / 3;
}

/**
 * Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4, boost above 0.7), as jellyfish and talisman.
 * @example jaroWinkler('martha', 'marhta') // 0.961
 */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= 0.7) return j;
  const max = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

/**
 * Damerau-Levenshtein (optimal string alignment) distance, cut off: returns max + 1 as soon as it exceeds max.
 * @example damerauLevenshtein('1234', '1243', 2) // 1
 */
export function damerauLevenshtein(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  if (max === 1) return withinOne(a, b) ? 1 : 2;
  const fits = lb < 256;
  let prevPrev = fits ? rowA : new Int32Array(lb + 1);
  let prev = fits ? rowB : new Int32Array(lb + 1);
  let curr = fits ? rowC : new Int32Array(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    curr[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, (prevPrev[j - 2] ?? 0) + 1);
      }
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prevPrev;
    prevPrev = prev;
    prev = curr;
    curr = t;
  }
  return Math.min(prev[lb] ?? 0, max + 1);
}

/**
 * Whether two different strings, lengths at most 1 apart, are one edit apart (substitution, insertion,
 * deletion or adjacent transposition): the optimal-string-alignment distance is then 1, else at least 2.
 * Linear time: the distance with a cut-off of 1 is the hot path of date comparisons.
 */
function withinOne(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  let p = 0;
  const n = Math.min(la, lb);
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (la === lb) {
    if (p === la) return false;
    let q = p + 1;
    while (q < la && a.charCodeAt(q) === b.charCodeAt(q)) q++;
    if (q === la) return true;
    if (q !== p + 1 || a.charCodeAt(p) !== b.charCodeAt(q) || a.charCodeAt(q) !== b.charCodeAt(p)) return false;
    for (let r = q + 1; r < la; r++) if (a.charCodeAt(r) !== b.charCodeAt(r)) return false;
    return true;
  }
  const [long, short] = la > lb ? [a, b] : [b, a];
  for (let r = p; r < short.length; r++) if (long.charCodeAt(r + 1) !== short.charCodeAt(r)) return false;
  return true;
}
