import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/app/_domain/canonical-json";

/** The definition canonicalJson must keep (audit hashes and publication content hashes were made with it). */
function reference(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === "object" && !(v instanceof Date))
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  return JSON.stringify(sortKeys(value));
}

class Point {
  constructor(
    readonly y: number,
    readonly x: number,
  ) {}
}

describe("canonicalJson", () => {
  it("sorts keys at every depth, index-like keys first by number, as JSON.stringify over a sorted copy", () => {
    const value = {
      z: 1,
      a: [3, { "10": "x", "2": "y", b: null, a: undefined, "02": 1, "4294967295": 2, "-1": 3 }, undefined, () => 1],
      中文: '引号"、换行\n、制表\t、\u2028',
      n: { neg: -0, big: 1e21, small: 5e-7, nan: NaN, inf: -Infinity, f: () => 0, t: true },
      d: new Date(Date.UTC(2026, 11, 5, 19, 0, 0)),
      p: new Point(2, 1),
      own: { toJSON: () => ({ b: 1, a: 2 }) },
      empty: {},
      list: [],
      nil: Object.assign(Object.create(null), { b: 2, a: 1 }),
    };
    expect(canonicalJson(value)).toBe(reference(value));
    for (const v of [null, 1, "s", true, [], [undefined], { a: undefined }]) expect(canonicalJson(v)).toBe(reference(v));
  });

  it("gives the reference text for many generated values", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const keys = ["a", "b", "0", "1", "10", "9", "x y", "é", "Z", "_", "ytd", "2025-12"];
    const gen = (depth: number): unknown => {
      const r = rnd();
      if (depth > 3 || r < 0.3) return [null, 0, -1.5, "t", "", true, false, undefined, 123456.789][Math.floor(rnd() * 9)];
      if (r < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => gen(depth + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(rnd() * 6) }, () => [keys[Math.floor(rnd() * keys.length)]!, gen(depth + 1)]),
      );
    };
    for (let i = 0; i < 2000; i++) {
      const v = gen(0);
      expect(canonicalJson(v)).toBe(reference(v));
    }
  });
});
