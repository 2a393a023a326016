/**
 * Memoises a pure string function with a bounded map (cleared when full): imports repeat the same
 * few hundred region texts across 100,000 rows, so most calls become one lookup.
 */
export function boundedMemo<T>(fn: (text: string) => T, limit = 20_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = fn(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, value);
    return value;
  };
}
