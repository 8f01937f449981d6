import { describe, expect, it } from "vitest";
import { Decimal } from "@/app/_domain/formula/decimal";
import { anomalyFlags, peerStats, type MetricRow } from "@/app/_domain/metrics";
import { seeded } from "../helpers/seeded";
import { metricRow } from "../helpers/metric-row";

/**
 * peerStats and anomalyFlags order values by their doubles and fall back to exact decimals only where two doubles
 * tie. These cases are built so that doubles tie where the decimals differ (17+ significant digits), values sit
 * exactly on a fence or on the yoy threshold, and percentiles land on a half at the first decimal; every result is
 * compared with a reference worked in decimal.js throughout.
 */

const row = (institutionCode: string, ytd: string | null, yoy: string | null = null, prevYearYtd: string | null = null): MetricRow =>
  metricRow({ institutionCode, ytd, month: ytd, yoy, prevYearYtd });

const text6 = (d: Decimal) => (d.toDecimalPlaces(6).isZero() ? "0" : d.toDecimalPlaces(6).toFixed());

function referenceStats(values: (string | null)[], levels: string[]) {
  const group = (idx: number[]) => {
    const valued = idx.filter((i) => values[i] !== null).map((i) => ({ i, d: new Decimal(values[i]!) }));
    const sorted = [...valued].sort((a, b) => a.d.cmp(b.d));
    const q = (k: number) => {
      const h = new Decimal(sorted.length - 1).mul(k).div(4);
      const lo = h.floor().toNumber();
      const base = sorted[lo]!.d;
      return h.eq(lo) ? base : base.plus(sorted[lo + 1]!.d.minus(base).mul(h.minus(lo)));
    };
    const stats = sorted.length
      ? { count: sorted.length, min: text6(q(0)), q1: text6(q(1)), median: text6(q(2)), q3: text6(q(3)), max: text6(q(4)) }
      : { count: 0, min: null, q1: null, median: null, q3: null, max: null };
    const pos = new Map<number, { rank: number; count: number; percentile: number }>();
    for (const v of valued) {
      const rank = valued.filter((o) => o.d.gt(v.d)).length + 1;
      const n = valued.length;
      const percentile =
        n === 1
          ? 100
          : new Decimal(n - rank)
              .mul(100)
              .div(n - 1)
              .toDecimalPlaces(1)
              .toNumber();
      pos.set(v.i, { rank, count: n, percentile });
    }
    return { stats, pos, q1: sorted.length ? q(1) : null, q3: sorted.length ? q(3) : null, n: sorted.length };
  };
  return { group };
}

/** Values whose doubles tie although the decimals differ, exact halves and repeats. */
function values(random: () => number, n: number): (string | null)[] {
  const base = ["1234567890.123456", "0.1", "0.3", "7", "-2.5", "12.345678"];
  return Array.from({ length: n }, () => {
    const r = random();
    if (r < 0.1) return null;
    const b = base[Math.floor(random() * base.length)]!;
    if (r < 0.4) return b; // repeats
    if (r < 0.7) return b + String(Math.floor(random() * 10)).repeat(1 + Math.floor(random() * 12)) + "1"; // beyond a double's digits
    return new Decimal(b).plus(new Decimal(Math.floor(random() * 8)).div(8)).toFixed();
  });
}

describe("peer statistics and flags are exact where doubles tie", () => {
  it("ranks, percentiles and quartiles agree with a decimal reference", () => {
    const random = seeded(7);
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(random() * 40);
      const vs = values(random, n);
      const levels = vs.map(() => (random() < 0.5 ? "A" : "B"));
      const insts = vs.map((_, i) => ({ code: `H${i}`, level: levels[i]! }));
      const s = peerStats(
        vs.map((v, i) => row(`H${i}`, v)),
        insts,
      );
      const ref = referenceStats(vs, levels);
      const all = ref.group(vs.map((_, i) => i));
      expect(s.region).toEqual(all.stats);
      for (const level of ["A", "B"]) {
        const idx = vs.map((_, i) => i).filter((i) => levels[i] === level);
        if (!idx.length) continue;
        const g = ref.group(idx);
        expect(s.levels[level]).toEqual(g.stats);
        for (const i of idx) expect(s.institutions[i]!.inLevel).toEqual(g.pos.get(i) ?? { rank: null, count: g.n, percentile: null });
      }
      vs.forEach((_, i) => expect(s.institutions[i]!.inRegion).toEqual(all.pos.get(i) ?? { rank: null, count: all.n, percentile: null }));
    }
  });

  it("flags strictly outside the fences and strictly above the yoy threshold, exactly", () => {
    const random = seeded(8);
    for (let t = 0; t < 300; t++) {
      const n = 4 + Math.floor(random() * 20);
      const vs = values(random, n);
      const yoys = vs.map(
        () =>
          ["0.3", "-0.3", "0.30000000000000000001", "-0.3000000000000000001", "0.2999999999999999999", "0.5", null][
            Math.floor(random() * 7)
          ]!,
      );
      const insts = vs.map((_, i) => ({ code: `H${i}`, level: "A" }));
      const rows = vs.map((v, i) => row(`H${i}`, v, yoys[i], random() < 0.2 ? "-0" : "10"));
      const flags = anomalyFlags({
        rows,
        institutions: insts,
        indicator: { code: "IN05", nameZh: "x", unit: "元", basis: "RATE", formula: null },
      });
      const g = referenceStats(vs, []).group(vs.map((_, i) => i));
      const expected: string[] = [];
      vs.forEach((v, i) => {
        if (v !== null && g.n >= 4) {
          const iqr = g.q3!.minus(g.q1!);
          const d = new Decimal(v);
          if (d.gt(g.q3!.plus(iqr.mul(1.5)))) expected.push(`H${i}:PEER_HIGH`);
          else if (d.lt(g.q1!.minus(iqr.mul(1.5)))) expected.push(`H${i}:PEER_LOW`);
        }
        const y = yoys[i];
        if (y !== null && !rows[i]!.prevYearYtd!.startsWith("-") && new Decimal(y).abs().gt("0.3"))
          expected.push(`H${i}:${new Decimal(y).isPositive() ? "YOY_UP" : "YOY_DOWN"}`);
      });
      expect(flags.map((f) => `${f.institutionCode}:${f.kind}`)).toEqual(expected);
    }
  });

  it("a value exactly on a fence is not flagged, one just beyond it is (their doubles tie)", () => {
    // Sorted 10 ×4, 20 ×4, then X: q1 = 10, q3 = 20, IQR = 10, upper fence 35 whatever X (the maximum) is.
    const flagged = (x: string) => {
      const vs = ["10", "10", "10", "10", "20", "20", "20", "20", x];
      return anomalyFlags({
        rows: vs.map((v, i) => row(`H${i}`, v)),
        institutions: vs.map((_, i) => ({ code: `H${i}`, level: "A" })),
        indicator: { code: "IN05", nameZh: "x", unit: "元", basis: "RATE", formula: null },
      }).map((f) => `${f.institutionCode}:${f.kind}:${f.limit}`);
    };
    expect(flagged("35")).toEqual([]);
    expect(flagged("35.0000000000000000001")).toEqual(["H8:PEER_HIGH:35"]);
  });
});
