import { describe, expect, it } from "vitest";
import type { IndicatorDef } from "@/app/_domain/catalogue";
import { anomalyFlags, peerStats, type MetricRow } from "@/app/_domain/metrics";
import { metricRow } from "../helpers/metric-row";

/** Institution comparisons and anomaly flags, checked against numbers worked out by hand. */

const row = (institutionCode: string | null, ytd: string | null, o: Partial<MetricRow> = {}): MetricRow =>
  metricRow({ institutionCode, ytd, month: ytd, ...o });

const IN05: Pick<IndicatorDef, "code" | "nameZh" | "unit" | "basis" | "formula"> = {
  code: "IN05",
  nameZh: "次均住院费用",
  unit: "元",
  basis: "RATE",
  formula: "IN03 * 10000 / IN02",
};

describe("peerStats", () => {
  it("quartiles by the inclusive linear method: 1…10 → 3.25, 5.5, 7.75 (Excel QUARTILE.INC)", () => {
    // n = 10: q1 at h = 9 × ¼ = 2.25 → x₂ + 0.25 (x₃ − x₂) = 3 + 0.25 = 3.25; median h = 4.5 → 5.5; q3 h = 6.75 → 7.75
    const values = ["7", "3", "10", "1", "5", "2", "9", "4", "8", "6"];
    const insts = values.map((_, i) => ({ code: `H${i}`, level: "LEVEL_3" }));
    const s = peerStats(
      values.map((v, i) => row(`H${i}`, v)),
      insts,
    );
    expect(s.region).toEqual({ count: 10, min: "1", q1: "3.25", median: "5.5", q3: "7.75", max: "10" });
  });

  it("quartiles of 7, 15, 36, 39, 40, 41 → 20.25, 37.5, 39.75", () => {
    // n = 6: q1 h = 1.25 → 15 + 0.25 × 21 = 20.25; median h = 2.5 → 36 + 0.5 × 3 = 37.5; q3 h = 3.75 → 39 + 0.75 × 1 = 39.75
    const values = ["41", "7", "39", "15", "40", "36"];
    const s = peerStats(
      values.map((v, i) => row(`H${i}`, v)),
      values.map((_, i) => ({ code: `H${i}`, level: "L" })),
    );
    expect(s.region).toEqual({ count: 6, min: "7", q1: "20.25", median: "37.5", q3: "39.75", max: "41" });
    expect(s.levels.L).toEqual(s.region);
  });

  it("ranks with ties (1, 1, 3, 4), percentiles, per region and per level; no value → no rank", () => {
    const insts = [
      { code: "HA", level: "LEVEL_3" },
      { code: "HB", level: "LEVEL_3" },
      { code: "HC", level: "LEVEL_2" },
      { code: "HD", level: "LEVEL_2" },
      { code: "HE", level: "LEVEL_2" },
    ];
    const rows = [row("HA", "10"), row("HB", "20"), row("HC", "20"), row("HD", "5"), row("HE", null)];
    const s = peerStats(rows, insts);
    const brief = s.institutions.map((i) => [
      i.institutionCode,
      i.value,
      i.inRegion.rank,
      i.inRegion.percentile,
      i.inLevel.rank,
      i.inLevel.count,
      i.inLevel.percentile,
    ]);
    // region, 4 values: HB = HC = 20 share rank 1, HA rank 3, HD rank 4; percentile = (4 − rank) / 3 × 100
    // LEVEL_3 {HA 10, HB 20}: HB 1 (100), HA 2 (0); LEVEL_2 {HC 20, HD 5}, HE has no value
    expect(brief).toEqual([
      ["HA", "10", 3, 33.3, 2, 2, 0],
      ["HB", "20", 1, 100, 1, 2, 100],
      ["HC", "20", 1, 100, 1, 2, 100],
      ["HD", "5", 4, 0, 2, 2, 0],
      ["HE", null, null, null, null, 2, null],
    ]);
    expect(s.institutions[0]!.inRegion.count).toBe(4);
    // LEVEL_3 quartiles of {10, 20}: q1 = 10 + 0.25 × 10 = 12.5, median 15, q3 17.5
    expect(s.levels.LEVEL_3).toEqual({ count: 2, min: "10", q1: "12.5", median: "15", q3: "17.5", max: "20" });
    expect(s.levels.LEVEL_2).toEqual({ count: 2, min: "5", q1: "8.75", median: "12.5", q3: "16.25", max: "20" });
  });

  it("a single valued institution is 100th percentile and every quartile; an empty group has none", () => {
    const s = peerStats(
      [row("H1", "3.5")],
      [
        { code: "H1", level: "LEVEL_1" },
        { code: "H2", level: "UNRATED" },
      ],
    );
    expect(s.institutions[0]!.inRegion).toEqual({ rank: 1, count: 1, percentile: 100 });
    expect(s.levels.LEVEL_1).toEqual({ count: 1, min: "3.5", q1: "3.5", median: "3.5", q3: "3.5", max: "3.5" });
    expect(s.levels.UNRATED).toEqual({ count: 0, min: null, q1: null, median: null, q3: null, max: null });
  });

  it("compares month values in the month view", () => {
    const rows = [row("H1", "100", { month: "30" }), row("H2", "80", { month: "40" })];
    const insts = [
      { code: "H1", level: "L" },
      { code: "H2", level: "L" },
    ];
    expect(peerStats(rows, insts, "ytd").institutions.map((i) => i.inRegion.rank)).toEqual([1, 2]);
    expect(peerStats(rows, insts, "month").institutions.map((i) => i.inRegion.rank)).toEqual([2, 1]);
  });

  it("refuses rows of different indicators or periods", () => {
    expect(() => peerStats([row("H1", "1"), row("H2", "2", { period: "2025-05" })], [])).toThrow(/同一期间/);
  });
});

describe("anomalyFlags", () => {
  // LEVEL_3 (5): 8000, 8600, 9000, 9800, 12345.67 → q1 = 8600, q3 = 9800, IQR 1200, fences [6800, 11600]
  // LEVEL_2 (5): 100, 1000, 1050, 1100, 1200 → q1 = 1000, q3 = 1100, IQR 100, fences [850, 1250]
  // LEVEL_1 (2): 5000, 30000 → fewer than 4: compared with the region (12 values):
  //   sorted 100, 1000, 1050, 1100, 1200, 5000, 8000, 8600, 9000, 9800, 12345.67, 30000
  //   q1 h = 11 × ¼ = 2.75 → 1050 + 0.75 × 50 = 1087.5; q3 h = 8.25 → 9000 + 0.25 × 800 = 9200;
  //   IQR = 8112.5; upper = 9200 + 1.5 × 8112.5 = 21368.75; lower = 1087.5 − 12168.75 = −11081.25
  const data: [string, string, string][] = [
    ["A1", "LEVEL_3", "8000"],
    ["A2", "LEVEL_3", "8600"],
    ["A3", "LEVEL_3", "9000"],
    ["A4", "LEVEL_3", "9800"],
    ["A5", "LEVEL_3", "12345.67"],
    ["B1", "LEVEL_2", "100"],
    ["B2", "LEVEL_2", "1000"],
    ["B3", "LEVEL_2", "1050"],
    ["B4", "LEVEL_2", "1100"],
    ["B5", "LEVEL_2", "1200"],
    ["C1", "LEVEL_1", "5000"],
    ["C2", "LEVEL_1", "30000"],
  ];
  const institutions = data.map(([code, level]) => ({ code, level }));
  const rows = data.map(([code, , v]) => row(code, v));

  it("flags values outside the same level's fences, falling back to the region for small levels", () => {
    const flags = anomalyFlags({ rows, institutions, indicator: IN05 });
    expect(flags.map((f) => [f.kind, f.institutionCode, f.peerGroup, f.value, f.limit, f.reason])).toEqual([
      [
        "PEER_HIGH",
        "A5",
        "LEVEL",
        "12345.67",
        "11600",
        "次均住院费用 12,345.67 元，高于同级机构上四分位 9,800.00 元加 1.5 倍四分位距（上限 11,600.00 元）",
      ],
      [
        "PEER_LOW",
        "B1",
        "LEVEL",
        "100",
        "850",
        "次均住院费用 100.00 元，低于同级机构下四分位 1,000.00 元减 1.5 倍四分位距（下限 850.00 元）",
      ],
      [
        "PEER_HIGH",
        "C2",
        "REGION",
        "30000",
        "21368.75",
        "次均住院费用 30,000.00 元，高于全区机构上四分位 9,200.00 元加 1.5 倍四分位距（上限 21,368.75 元）",
      ],
    ]);
    expect(flags.every((f) => f.level !== null && f.period === "2025-06" && f.yoy === null)).toBe(true);
  });

  it("k and the minimum number of peers are configurable", () => {
    // k = 3: LEVEL_3 upper = 9800 + 3600 = 13400 (A5 inside); LEVEL_2 lower = 1000 − 300 = 700 (B1 still below);
    // region upper = 9200 + 24337.5 = 33537.5 (C2 inside)
    expect(anomalyFlags({ rows, institutions, indicator: IN05, k: 3 }).map((f) => f.institutionCode)).toEqual(["B1"]);
    expect(anomalyFlags({ rows, institutions, indicator: IN05, k: "3" })[0]!.reason).toBe(
      "次均住院费用 100.00 元，低于同级机构下四分位 1,000.00 元减 3 倍四分位距（下限 700.00 元）",
    );
    // minPeers 6: no level is big enough, all are compared with the region (fences −11081.25 … 21368.75)
    expect(anomalyFlags({ rows, institutions, indicator: IN05, minPeers: 6 }).map((f) => [f.institutionCode, f.peerGroup])).toEqual([
      ["C2", "REGION"],
    ]);
    // minPeers 13: even the region is too small → no peer flag
    expect(anomalyFlags({ rows, institutions, indicator: IN05, minPeers: 13 })).toEqual([]);
  });

  it("flags a year-on-year change beyond ±30 % (strictly), threshold configurable", () => {
    const insts = [
      { code: "H1", level: "LEVEL_3" },
      { code: "H2", level: "LEVEL_2" },
      { code: "H3", level: "LEVEL_2" },
    ];
    const r = [
      row("H1", "1412", { yoy: "0.412", prevYearYtd: "1000" }),
      row("H2", "650", { yoy: "-0.35", prevYearYtd: "1000" }),
      row("H3", "1300", { yoy: "0.3", prevYearYtd: "1000" }),
    ];
    const flags = anomalyFlags({ rows: r, institutions: insts, indicator: IN05 });
    expect(flags.map((f) => [f.kind, f.institutionCode, f.yoy, f.threshold, f.reason])).toEqual([
      ["YOY_UP", "H1", "0.412", "0.3", "次均住院费用同比增长 41.2%，超过 ±30% 的提示阈值"],
      ["YOY_DOWN", "H2", "-0.35", "0.3", "次均住院费用同比下降 35.0%，超过 ±30% 的提示阈值"],
    ]);
    expect(anomalyFlags({ rows: r, institutions: insts, indicator: IN05, yoyThreshold: 0.4 }).map((f) => f.reason)).toEqual([
      "次均住院费用同比增长 41.2%，超过 ±40% 的提示阈值",
    ]);
  });

  it("without texts: the same flags, with no reason and a peer flag's value and limit null", () => {
    const withYoy = rows.map((r, k) => ({ ...r, yoy: ["0.412", "-0.35", "0.3", null][k % 4], prevYearYtd: "1000" }));
    for (const rs of [rows, withYoy]) {
      const full = anomalyFlags({ rows: rs, institutions, indicator: IN05 });
      expect(full.length).toBeGreaterThan(2);
      const lean = anomalyFlags({ rows: rs, institutions, indicator: IN05, texts: false });
      expect(lean).toEqual(full.map((f) => ({ ...f, reason: "", ...(f.kind.startsWith("PEER") ? { value: null, limit: null } : {}) })));
    }
  });

  it("region rows get only the yoy flag, and none from a negative base", () => {
    const fb02 = { code: "FB02", nameZh: "居民医保基金当期结余", unit: "万元", basis: "FLOW" as const, formula: "FI04 - FE02" };
    expect(
      anomalyFlags({
        rows: [row(null, "-900", { indicatorCode: "FB02", yoy: "0.5", prevYearYtd: "-600" })],
        institutions: [],
        indicator: fb02,
      }),
    ).toEqual([]);
    const flags = anomalyFlags({
      rows: [row(null, "900", { indicatorCode: "FB02", yoy: "0.5", prevYearYtd: "600" })],
      institutions: [],
      indicator: fb02,
    });
    expect(flags.map((f) => [f.kind, f.institutionCode, f.level, f.reason])).toEqual([
      ["YOY_UP", null, null, "居民医保基金当期结余同比增长 50.0%，超过 ±30% 的提示阈值"],
    ]);
  });

  it("the month view compares month values and says so", () => {
    const in01 = { code: "IN01", nameZh: "门急诊人次", unit: "人次", basis: "FLOW" as const, formula: null };
    const months = ["100", "110", "120", "130", "400"];
    const r = months.map((m, i) => row(`H${i}`, "1000", { indicatorCode: "IN01", month: m }));
    const insts = months.map((_, i) => ({ code: `H${i}`, level: "LEVEL_2" }));
    expect(anomalyFlags({ rows: r, institutions: insts, indicator: in01, view: "ytd" })).toEqual([]);
    // months 100, 110, 120, 130, 400: q1 110, q3 130, IQR 20, upper 160
    expect(anomalyFlags({ rows: r, institutions: insts, indicator: in01, view: "month" }).map((f) => f.reason)).toEqual([
      "门急诊人次（当月） 400.00 人次，高于同级机构上四分位 130.00 人次加 1.5 倍四分位距（上限 160.00 人次）",
    ]);
  });
});

describe("the year-on-year flag of a % indicator", () => {
  it("names the change in percentage points, with the relative change the rule compares", () => {
    const IN09: Pick<IndicatorDef, "code" | "nameZh" | "unit" | "basis" | "formula"> = {
      code: "IN09",
      nameZh: "住院费用自费率",
      unit: "%",
      basis: "RATE",
      formula: "PCT(IN08, IN03)",
    };
    // 14 % against 10 %: +4 个百分点, a relative change of +40 % (over the 30 % threshold)
    const flags = anomalyFlags({
      rows: [row(null, "14", { indicatorCode: "IN09", prevYearYtd: "10", yoy: "0.4", yoyDiff: "4" })],
      institutions: [],
      indicator: IN09,
    });
    expect(flags.map((f) => f.reason)).toEqual(["住院费用自费率同比提高 4.00 个百分点（相对增长 40.0%），超过 ±30% 的提示阈值"]);
  });
});
