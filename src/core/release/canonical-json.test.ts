import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, jsonEqual } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, b: null }] })).toBe('{"a":[{"b":null,"d":2}],"b":1}');
  });

  it('gives the same bytes as sorted JSON.stringify, compact or indented, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const compact = canonicalJson(v);
        expect(JSON.parse(compact)).toEqual(JSON.parse(JSON.stringify(v)));
        expect(JSON.parse(canonicalJson(v, 2))).toEqual(JSON.parse(compact));
        expect(jsonEqual(JSON.parse(compact), v)).toBe(true);
      }),
    );
  });

  it('jsonEqual ignores key order but not values', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: null }, {})).toBe(false);
  });
});
