/** A decomposable graph as its cliques and the separators of a junction tree (bitmasks of lists). */
export interface DecomposableGraph {
  cliques: number[];
  separators: number[];
}

function bitCount(m: number): number {
  let c = 0;
  for (let v = m; v; v &= v - 1) c++;
  return c;
}

function isComplete(set: number, adj: readonly number[]): boolean {
  for (let v = 0; v < adj.length; v++) {
    if (!(set & (1 << v))) continue;
    const others = set & ~(1 << v);
    if (((adj[v] ?? 0) & others) !== others) return false;
  }
  return true;
}

function isChordal(adj: readonly number[], p: number): boolean {
  let left = (1 << p) - 1;
  while (left) {
    let removed = false;
    for (let v = 0; v < p; v++) {
      if (!(left & (1 << v))) continue;
      if (isComplete((adj[v] ?? 0) & left, adj)) {
        left &= ~(1 << v);
        removed = true;
        break;
      }
    }
    if (!removed) return false;
  }
  return true;
}

function junctionTree(cliques: number[]): number[] {
  // Kruskal on the clique graph weighted by intersection size; a maximum spanning tree is a junction tree.
  const edges: [number, number, number][] = [];
  for (let i = 0; i < cliques.length; i++)
    for (let j = i + 1; j < cliques.length; j++)
      edges.push([bitCount((cliques[i] ?? 0) & (cliques[j] ?? 0)), i, j]);
  edges.sort((a, b) => b[0] - a[0]);
  const parent = cliques.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    return r;
  };
  const seps: number[] = [];
  for (const [w, i, j] of edges) {
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    parent[a] = b;
    if (w > 0) seps.push((cliques[i] ?? 0) & (cliques[j] ?? 0));
  }
  return seps;
}

/**
 * Every decomposable (chordal) graph on p lists with its cliques and separators: 8 for 3 lists,
 * 61 for 4, 822 for 5 (the sets dga ships as graphs3/4/5).
 */
export function decomposableGraphs(p: number): DecomposableGraph[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) pairs.push([i, j]);
  const out: DecomposableGraph[] = [];
  for (let e = 0; e < 1 << pairs.length; e++) {
    const adj = new Array<number>(p).fill(0);
    pairs.forEach(([i, j], k) => {
      if (e & (1 << k)) {
        adj[i] = (adj[i] ?? 0) | (1 << j);
        adj[j] = (adj[j] ?? 0) | (1 << i);
      }
    });
    if (!isChordal(adj, p)) continue;
    const complete: number[] = [];
    for (let s = 1; s < 1 << p; s++) if (isComplete(s, adj)) complete.push(s);
    const cliques = complete.filter((s) => !complete.some((t) => t !== s && (s & t) === s));
    out.push({ cliques, separators: junctionTree(cliques) });
  }
  return out;
}
