import { describe, expect, it } from "vitest";
import type { IndicatorDef, Scheme } from "@/app/_domain/catalogue";
import { Decimal } from "@/app/_domain/formula/decimal";
import { computeRegionValues, type AcceptedSheet } from "@/app/_domain/metrics";

/**
 * Issue 10 item 1: a growth rate whose exact value lies half-way at the 7th decimal (−1/128 = −0.0078125) must
 * round half away from zero (−0.007813), also when both sides are quotients that no finite decimal holds
 * (16/381 against 16/384). The engine's mom of a ratio indicator XX01 = AA01 ÷ BB01 is compared, case by case,
 * with a reference that rounds the true rational growth half up in BigInt. (decimal.js at 40 digits is no
 * reference here: it holds 16/381 as 0.04199475…, and the quotient of two such values can land a hair below the
 * half: seed 20261205 case 4 gives −0.117187 for an exact −0.1171875.)
 */

const def = (code: string, formula: string | null): IndicatorDef => ({
  code,
  category: "测试",
  nameZh: code,
  nameEn: null,
  unit: "%",
  frequency: "MONTHLY",
  schemes: ["TOTAL"],
  scope: "REGION",
  basis: formula ? "RATE" : "STOCK",
  formula,
  minValue: null,
  maxValue: null,
  definition: null,
  tag: "NATIONAL_REQUIRED",
  evidence: null,
});
const catalogue = [def("AA01", null), def("BB01", null), def("XX01", "AA01 / BB01")];
const row = (code: string, value: string) => ({ indicatorCode: code, scheme: "TOTAL" as Scheme, institutionCode: null, value });

/** A small deterministic generator (mulberry32), so a failure names a case that can be rerun. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  a0: bigint;
  b0: bigint;
  a1: bigint;
  b1: bigint;
  /** The exact growth X1 ÷ X0 − 1 = num ÷ den, a half-way value at the 7th decimal. */
  num: bigint;
  den: bigint;
}

/**
 * X0 = a0 ÷ b0, X1 = a1 ÷ b1 with X1 ÷ X0 = 1 + g, g = k ÷ 2^7 (k odd: 7 decimals ending in 5) or
 * g = (2m + 1) ÷ (2·10^6) (any half-way value): a1 = a0 · (den + num) ÷ den · e, b1 = b0 · e, with b0 and e
 * odd and not multiples of 5, so that neither quotient is a finite decimal.
 */
function makeCase(next: () => number): Case {
  const int = (lo: number, hi: number) => BigInt(lo + Math.floor(next() * (hi - lo)));
  const coprime = (lo: number, hi: number) => {
    let x = int(lo, hi);
    while (x % 2n === 0n || x % 5n === 0n) x += 1n;
    return x;
  };
  let num: bigint;
  let den: bigint;
  if (next() < 0.5) {
    den = 128n;
    num = int(-127, 400) | 1n; // odd, > −128
  } else {
    den = 2_000_000n;
    num = int(-1_999_999, 3_000_000) | 1n;
  }
  if (num <= -den) num = -den + 1n;
  const u = int(1, 50);
  const a0 = den * u;
  const b0 = coprime(3, 20000);
  const e = coprime(3, 2000);
  return { a0, b0, a1: (den + num) * u * e, b1: b0 * e, num, den };
}

/** num ÷ den rounded half away from zero to 6 places, as canonical text. */
function exactHalfUp(num: bigint, den: bigint): string {
  const negative = num < 0n;
  const n = negative ? -num : num;
  const q = (2n * n * 1_000_000n + den) / (2n * den);
  const d = new Decimal(q.toString()).div(1_000_000);
  return q === 0n ? "0" : (negative ? "-" : "") + d.toFixed();
}

describe("growth of quotients that is exactly half-way at the 7th decimal", () => {
  it("the issue's case: IN19 16/381 against 16/384 gives −0.007813", () => {
    // IN17 ytd 96/112/128, IN02 ytd 2157/2538/2922: month values 16/381 (Jul) and 16/384 (Aug); mom = −1/128.
    const accepted = new Map<string, AcceptedSheet>([
      ["2025-07", { versionId: "v7", rows: [row("AA01", "16"), row("BB01", "381")] }],
      ["2025-08", { versionId: "v8", rows: [row("AA01", "16"), row("BB01", "384")] }],
    ]);
    const rows = computeRegionValues({ catalogue, institutions: [], accepted, periods: ["2025-08"] });
    // X(Aug) = 16/384 against X(Jul) = 16/381: 381/384 − 1 = −1/128 = −0.0078125 → −0.007813
    expect(rows.find((r) => r.indicatorCode === "XX01")!.mom).toBe("-0.007813");
  });

  it("4,000 generated cases agree with exact half-up rounding of the rational growth", () => {
    const next = random(20261205);
    const mismatches: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const c = makeCase(next);
      const accepted = new Map<string, AcceptedSheet>([
        ["2025-02", { versionId: "v2", rows: [row("AA01", String(c.a0)), row("BB01", String(c.b0))] }],
        ["2025-03", { versionId: "v3", rows: [row("AA01", String(c.a1)), row("BB01", String(c.b1))] }],
      ]);
      const got = computeRegionValues({ catalogue, institutions: [], accepted, periods: ["2025-03"] }).find(
        (r) => r.indicatorCode === "XX01",
      )!.mom;
      const want = exactHalfUp(c.num, c.den);
      if (got !== want) mismatches.push(`case ${i}: ${c.a0}/${c.b0} → ${c.a1}/${c.b1}: got ${got}, want ${want}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it("a value (not a growth) exactly half-way at the 7th decimal, computed through quotients, rounds up", () => {
    // XX01 = (AA01 ÷ BB01) ÷ (CC01 ÷ BB01) = 10000005 ÷ 10000000 = 1.0000005 exactly, for every BB01 → 1.000001
    const cat = [def("AA01", null), def("BB01", null), def("CC01", null), def("XX01", "(AA01 / BB01) / (CC01 / BB01)")];
    const wrong: string[] = [];
    for (let b = 3; b < 400; b += 2) {
      if (b % 5 === 0) continue;
      const accepted = new Map<string, AcceptedSheet>([
        ["2025-03", { versionId: "v", rows: [row("AA01", "10000005"), row("BB01", String(b)), row("CC01", "10000000")] }],
      ]);
      const ytd = computeRegionValues({ catalogue: cat, institutions: [], accepted, periods: ["2025-03"] }).find(
        (r) => r.indicatorCode === "XX01",
      )!.ytd;
      if (ytd !== "1.000001") wrong.push(`BB01=${b}: ${ytd}`);
    }
    expect(wrong).toEqual([]);
  });
});
