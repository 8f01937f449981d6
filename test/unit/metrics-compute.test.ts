import { describe, expect, it } from "vitest";
import type { IndicatorDef, Scheme, ValueBasis } from "@/app/_domain/catalogue";
import { computeRegionMetrics, type AcceptedSheet, type MetricRow } from "@/app/_domain/metrics";

/**
 * Golden tests of the derived-metrics engine (docs/product.md §4) on a tiny hand-made catalogue: every expected
 * number is worked out by hand in the comment next to it.
 */

function def(code: string, basis: ValueBasis, formula: string | null = null, o: Partial<IndicatorDef> = {}): IndicatorDef {
  return {
    code,
    category: "测试",
    nameZh: code,
    nameEn: null,
    unit: "万元",
    frequency: "MONTHLY",
    schemes: ["TOTAL"],
    scope: "REGION",
    basis,
    formula,
    minValue: null,
    maxValue: null,
    definition: null,
    tag: "NATIONAL_REQUIRED",
    evidence: null,
    ...o,
  };
}

/** Cells by "CODE", "CODE.SCHEME", "CODE@INST" or "CODE.SCHEME@INST" (scheme TOTAL, region level by default). */
type Cells = Record<string, string | null>;

function sheets(data: Record<string, Cells>, version: (period: string) => string = (p) => `v-${p}`): Map<string, AcceptedSheet> {
  const out = new Map<string, AcceptedSheet>();
  for (const [period, cells] of Object.entries(data)) {
    out.set(period, {
      versionId: version(period),
      rows: Object.entries(cells).map(([key, value]) => {
        const [left, inst] = key.split("@");
        const [code, scheme] = left!.split(".");
        return { indicatorCode: code!, scheme: (scheme ?? "TOTAL") as Scheme, institutionCode: inst ?? null, value };
      }),
    });
  }
  return out;
}

const inst = (...codes: string[]) => codes.map((code) => ({ code, level: "LEVEL_3" }));

function run(
  catalogue: IndicatorDef[],
  data: Record<string, Cells>,
  periods: string[],
  institutions: { code: string; level: string }[] = [],
): MetricRow[] {
  return computeRegionMetrics({ catalogue, institutions, accepted: sheets(data), periods });
}

function pick(rows: MetricRow[], period: string, code: string, scheme: Scheme = "TOTAL", institution: string | null = null): MetricRow {
  const row = rows.find((r) => r.period === period && r.indicatorCode === code && r.scheme === scheme && r.institutionCode === institution);
  if (!row) throw new Error(`no row ${period} ${code} ${scheme} ${institution}`);
  return row;
}

const fields = (r: MetricRow) => ({ ytd: r.ytd, month: r.month, prevYearYtd: r.prevYearYtd, yoy: r.yoy, mom: r.mom });
const entries = (r: MetricRow) =>
  r.lineage.inputs.map(
    (e) =>
      `${e.code}.${e.scheme}${e.institutionCode ? `@${e.institutionCode}` : ""} ${e.period} ${e.view}=${e.value ?? "null"} ${e.versionId ?? "-"}`,
  );

describe("FLOW input", () => {
  const FF = [def("FF", "FLOW")];
  const data = {
    "2024-01": { FF: "10" },
    "2024-02": { FF: "25" },
    "2024-03": { FF: "45" },
    "2024-11": { FF: "200" },
    "2024-12": { FF: "230" },
    "2025-01": { FF: "12" },
    "2025-02": { FF: "30" },
    "2025-03": { FF: "57" },
  };
  const rows = run(FF, data, ["2024-01", "2024-03", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"]);

  it("January: month = ytd, and mom compares with the previous December's month", () => {
    // month = ytd = 12; prevYearYtd = 10; yoy = 12/10 − 1 = 0.2; Dec 2024 month = 230 − 200 = 30; mom = 12/30 − 1 = −0.6
    expect(fields(pick(rows, "2025-01", "FF"))).toEqual({ ytd: "12", month: "12", prevYearYtd: "10", yoy: "0.2", mom: "-0.6" });
  });

  it("later months: month = ytd − the previous month's ytd; yoy on ytd; mom on months", () => {
    // Feb: month = 30 − 12 = 18; yoy = 30/25 − 1 = 0.2; mom = 18/12 − 1 = 0.5
    expect(fields(pick(rows, "2025-02", "FF"))).toEqual({ ytd: "30", month: "18", prevYearYtd: "25", yoy: "0.2", mom: "0.5" });
    // Mar: month = 57 − 30 = 27; yoy = 57/45 − 1 = 0.2666… → 0.266667; mom = 27/18 − 1 = 0.5
    expect(fields(pick(rows, "2025-03", "FF"))).toEqual({ ytd: "57", month: "27", prevYearYtd: "45", yoy: "0.266667", mom: "0.5" });
  });

  it("a missing prior year gives prevYearYtd and yoy null; a missing previous month gives month (and mom) null", () => {
    // 2024-03: no 2023 → prevYearYtd, yoy null; month = 45 − 25 = 20; mom = 20/15 − 1 = 0.333333 (Feb month = 25 − 10)
    expect(fields(pick(rows, "2024-03", "FF"))).toEqual({ ytd: "45", month: "20", prevYearYtd: null, yoy: null, mom: "0.333333" });
    // 2024-11: October missing → month null, so mom null; Dec: month = 30, but Nov's month is null → mom null
    expect(fields(pick(rows, "2024-11", "FF"))).toEqual({ ytd: "200", month: null, prevYearYtd: null, yoy: null, mom: null });
    expect(fields(pick(rows, "2024-12", "FF"))).toEqual({ ytd: "230", month: "30", prevYearYtd: null, yoy: null, mom: null });
    // 2024-01: January month = ytd; mom needs Dec 2023 (no sheet) → null
    expect(fields(pick(rows, "2024-01", "FF"))).toEqual({ ytd: "10", month: "10", prevYearYtd: null, yoy: null, mom: null });
  });

  it("lineage lists the reported values the five fields used, with their sheet versions", () => {
    expect(pick(rows, "2025-03", "FF").lineage.formula).toBeNull();
    // ytd t, month t−1, prevYearYtd t−12, mom t−2 (Feb's month = Feb − Jan)
    expect(entries(pick(rows, "2025-03", "FF"))).toEqual([
      "FF.TOTAL 2025-03 ytd=57 v-2025-03",
      "FF.TOTAL 2025-02 ytd=30 v-2025-02",
      "FF.TOTAL 2024-03 ytd=45 v-2024-03",
      "FF.TOTAL 2025-01 ytd=12 v-2025-01",
    ]);
    // January: ytd, prevYearYtd, and December − November for mom; February: Jan's month = Jan's ytd, no t−2
    expect(entries(pick(rows, "2025-01", "FF"))).toEqual([
      "FF.TOTAL 2025-01 ytd=12 v-2025-01",
      "FF.TOTAL 2024-01 ytd=10 v-2024-01",
      "FF.TOTAL 2024-12 ytd=230 v-2024-12",
      "FF.TOTAL 2024-11 ytd=200 v-2024-11",
    ]);
    expect(entries(pick(rows, "2025-02", "FF"))).toEqual([
      "FF.TOTAL 2025-02 ytd=30 v-2025-02",
      "FF.TOTAL 2025-01 ytd=12 v-2025-01",
      "FF.TOTAL 2024-02 ytd=25 v-2024-02",
    ]);
    // a month without a sheet is listed with value and version null
    expect(entries(pick(rows, "2024-03", "FF"))).toContain("FF.TOTAL 2023-03 ytd=null -");
  });

  it("zero denominators give null, never Infinity, NaN or 0", () => {
    const r = run(FF, { "2024-05": { FF: "0" }, "2025-04": { FF: "7" }, "2025-05": { FF: "7" }, "2025-06": { FF: "9" } }, [
      "2025-05",
      "2025-06",
    ]);
    // May: prevYearYtd 0 → yoy null; month = 7 − 7 = 0; mom needs April's month (March missing) → null
    expect(fields(pick(r, "2025-05", "FF"))).toEqual({ ytd: "7", month: "0", prevYearYtd: "0", yoy: null, mom: null });
    // June: month = 2; mom = 2 / 0 − 1 → null
    expect(fields(pick(r, "2025-06", "FF"))).toEqual({ ytd: "9", month: "2", prevYearYtd: null, yoy: null, mom: null });
  });

  it("rounds half away from zero to 6 places, and writes canonical decimals", () => {
    const r = run(
      [def("FF", "FLOW"), def("SS", "STOCK")],
      { "2025-01": { FF: "1.2345675", SS: "-1.2345675" }, "2025-02": { FF: "2.50", SS: "-0.0000004" } },
      ["2025-01", "2025-02"],
    );
    expect(pick(r, "2025-01", "FF").ytd).toBe("1.234568");
    expect(pick(r, "2025-01", "SS").ytd).toBe("-1.234568");
    // month = 2.5 − 1.2345675 = 1.2654325 → 1.265433 (the difference is taken exactly, then rounded)
    expect(pick(r, "2025-02", "FF").ytd).toBe("2.5");
    expect(pick(r, "2025-02", "FF").month).toBe("1.265433");
    // −0.0000004 rounds to 0, written "0" (never "-0")
    expect(pick(r, "2025-02", "SS").ytd).toBe("0");
    // mom of SS: −0.0000004 / −1.2345675 − 1 = −0.999999676… → −1 (rounded once, from the exact values)
    expect(pick(r, "2025-02", "SS").mom).toBe("-1");
  });
});

describe("STOCK and RATE inputs", () => {
  it("ytd = month = the value; yoy and mom compare with a year and a month earlier", () => {
    const cat = [def("SS", "STOCK"), def("RR", "RATE", null, { unit: "%" })];
    const rows = run(
      cat,
      {
        "2024-01": { SS: "900", RR: "45" },
        "2024-03": { SS: "1000" },
        "2024-12": { RR: "40" },
        "2025-01": { RR: "50" },
        "2025-02": { SS: "1100" },
        "2025-03": { SS: "1200" },
      },
      ["2025-01", "2025-03"],
    );
    // SS: 1200/1000 − 1 = 0.2; mom 1200/1100 − 1 = 0.0909090… → 0.090909
    expect(fields(pick(rows, "2025-03", "SS"))).toEqual({ ytd: "1200", month: "1200", prevYearYtd: "1000", yoy: "0.2", mom: "0.090909" });
    // RR in January: mom compares with December (no year boundary rule for stocks and rates): 50/40 − 1 = 0.25; yoy 50/45 − 1 = 0.111111
    expect(fields(pick(rows, "2025-01", "RR"))).toEqual({ ytd: "50", month: "50", prevYearYtd: "45", yoy: "0.111111", mom: "0.25" });
    expect(entries(pick(rows, "2025-03", "SS"))).toEqual([
      "SS.TOTAL 2025-03 ytd=1200 v-2025-03",
      "SS.TOTAL 2024-03 ytd=1000 v-2024-03",
      "SS.TOTAL 2025-02 ytd=1100 v-2025-02",
    ]);
  });
});

describe("derived indicators", () => {
  const cat = [def("AA", "FLOW"), def("BB", "FLOW"), def("DD", "RATE", "AA / BB", { unit: "元" }), def("EE", "RATE", "DD * 100 + AA")];
  const data = {
    "2024-03": { AA: "30", BB: "10" },
    "2024-11": { AA: "90", BB: "40" },
    "2024-12": { AA: "100", BB: "50" },
    "2025-01": { AA: "10", BB: "5" },
    "2025-02": { AA: "24", BB: "8" },
    "2025-03": { AA: "40", BB: "16" },
  };
  const rows = run(cat, data, ["2025-01", "2025-02", "2025-03"]);

  it("ytd over the inputs' ytd, month over their months, then prevYearYtd, yoy, mom as for a FLOW", () => {
    // ytd = 40/16 = 2.5; month = (40−24)/(16−8) = 2; prevYearYtd = 30/10 = 3; yoy = 2.5/3 − 1 = −0.1666… → −0.166667
    // Feb month = (24−10)/(8−5) = 4.666…; mom = 2 / 4.666… − 1 = 0.428571… − 1 = −0.571429
    expect(fields(pick(rows, "2025-03", "DD"))).toEqual({ ytd: "2.5", month: "2", prevYearYtd: "3", yoy: "-0.166667", mom: "-0.571429" });
    // Feb: ytd = 24/8 = 3; month = 14/3 = 4.666666…67 → 4.666667; no 2024-02 → prevYearYtd, yoy null; Jan month = 10/5 = 2 → mom = 4.6666…/2 − 1 = 1.333333
    expect(fields(pick(rows, "2025-02", "DD"))).toEqual({ ytd: "3", month: "4.666667", prevYearYtd: null, yoy: null, mom: "1.333333" });
    // Jan: month = 10/5 = 2 (January months are the ytd); Dec 2024 month = (100−90)/(50−40) = 1 → mom = 2/1 − 1 = 1
    expect(fields(pick(rows, "2025-01", "DD"))).toEqual({ ytd: "2", month: "2", prevYearYtd: null, yoy: null, mom: "1" });
  });

  it("may use other derived indicators, evaluated recursively", () => {
    // EE = DD × 100 + AA: ytd = 2.5×100 + 40 = 290; month = 2×100 + 16 = 216; prevYearYtd = 3×100 + 30 = 330;
    // yoy = 290/330 − 1 = −0.121212…; Feb month = 4.666…×100 + 14 = 480.666…; mom = 216/480.666… − 1 = −0.550624…
    expect(fields(pick(rows, "2025-03", "EE"))).toEqual({
      ytd: "290",
      month: "216",
      prevYearYtd: "330",
      yoy: "-0.121212",
      mom: "-0.550624",
    });
  });

  it("lineage: the formula, each input read with its view and version, derived intermediates with version null", () => {
    const d = pick(rows, "2025-03", "DD");
    expect(d.lineage.formula).toBe("AA / BB");
    expect(entries(d)).toEqual([
      // ytd view at t
      "AA.TOTAL 2025-03 ytd=40 v-2025-03",
      "BB.TOTAL 2025-03 ytd=16 v-2025-03",
      // month view at t, with the two reported values each month comes from
      "AA.TOTAL 2025-03 month=16 v-2025-03",
      "AA.TOTAL 2025-02 ytd=24 v-2025-02",
      "BB.TOTAL 2025-03 month=8 v-2025-03",
      "BB.TOTAL 2025-02 ytd=8 v-2025-02",
      // prevYearYtd: ytd view at t−12
      "AA.TOTAL 2024-03 ytd=30 v-2024-03",
      "BB.TOTAL 2024-03 ytd=10 v-2024-03",
      // mom: month view at t−1
      "AA.TOTAL 2025-02 month=14 v-2025-02",
      "AA.TOTAL 2025-01 ytd=10 v-2025-01",
      "BB.TOTAL 2025-02 month=3 v-2025-02",
      "BB.TOTAL 2025-01 ytd=5 v-2025-01",
    ]);
    const e = entries(pick(rows, "2025-03", "EE"));
    // the derived intermediate DD (version null), then its own inputs, deduplicated
    expect(e.slice(0, 4)).toEqual([
      "DD.TOTAL 2025-03 ytd=2.5 -",
      "AA.TOTAL 2025-03 ytd=40 v-2025-03",
      "BB.TOTAL 2025-03 ytd=16 v-2025-03",
      "DD.TOTAL 2025-03 month=2 -",
    ]);
    expect(e).toContain("DD.TOTAL 2024-03 ytd=3 -");
    expect(e).toContain("DD.TOTAL 2025-02 month=4.666667 -");
    expect(new Set(e).size).toBe(e.length);
    expect(e.filter((x) => x.startsWith("AA.TOTAL 2025-03 ytd"))).toHaveLength(1);
  });

  it("null where an input is missing or a divisor is zero", () => {
    const r = run(cat, { "2025-01": { AA: "10", BB: "0" }, "2025-02": { AA: "12" } }, ["2025-01", "2025-02"]);
    expect(fields(pick(r, "2025-01", "DD"))).toEqual({ ytd: null, month: null, prevYearYtd: null, yoy: null, mom: null });
    expect(fields(pick(r, "2025-02", "DD"))).toEqual({ ytd: null, month: null, prevYearYtd: null, yoy: null, mom: null });
    // the lineage still lists the missing input, so the card can say why
    expect(entries(pick(r, "2025-02", "DD"))).toContain("BB.TOTAL 2025-02 ytd=null v-2025-02");
  });

  it("evaluates a formula per scheme: unqualified references read the same scheme, qualified ones theirs", () => {
    const ER: Scheme[] = ["EMPLOYEE", "RESIDENT", "TOTAL"];
    const c = [
      def("XX", "FLOW", null, { schemes: ER }),
      def("YY", "FLOW", "XX * 2", { schemes: ER }),
      def("ZZ", "FLOW", "XX.EMPLOYEE - XX.RESIDENT"),
    ];
    const r = run(c, { "2025-01": { "XX.EMPLOYEE": "5", "XX.RESIDENT": "3", "XX.TOTAL": "8" } }, ["2025-01"]);
    expect(["EMPLOYEE", "RESIDENT", "TOTAL"].map((s) => pick(r, "2025-01", "YY", s as Scheme).ytd)).toEqual(["10", "6", "16"]);
    expect(pick(r, "2025-01", "ZZ").ytd).toBe("2");
  });

  it("AVG_MONTHLY keeps its fixed meaning (ytd ÷ months elapsed) in the month view too", () => {
    // MM = SS / AVG_MONTHLY(FF): March ytd = 600 / (90/3) = 20; the month value also divides by the year's
    // average month (not by March's 40 alone), so month = 20 as well.
    const c = [def("FF", "FLOW"), def("SS", "STOCK"), def("MM", "RATE", "SS / AVG_MONTHLY(FF)", { unit: "月" })];
    const r = run(c, { "2025-02": { FF: "50", SS: "500" }, "2025-03": { FF: "90", SS: "600" } }, ["2025-03"]);
    // Feb: 500 / (50/2) = 20 → mom = 20/20 − 1 = 0
    expect(fields(pick(r, "2025-03", "MM"))).toEqual({ ytd: "20", month: "20", prevYearYtd: null, yoy: null, mom: "0" });
    expect(entries(pick(r, "2025-03", "MM")).slice(0, 2)).toEqual([
      "SS.TOTAL 2025-03 ytd=600 v-2025-03",
      "FF.TOTAL 2025-03 ytd=90 v-2025-03",
    ]);
    expect(entries(pick(r, "2025-03", "MM"))).toContain("SS.TOTAL 2025-03 month=600 v-2025-03");
  });

  it("other functions read the view being evaluated: YOY over months in the month view", () => {
    // GG = YOY(FF) × 100. ytd: (57/45 − 1) × 100 = 26.666…; month: March months 27 and 20 → (27/20 − 1) × 100 = 35
    const c = [def("FF", "FLOW"), def("GG", "RATE", "YOY(FF) * 100", { unit: "%" })];
    const r = run(c, { "2024-02": { FF: "25" }, "2024-03": { FF: "45" }, "2025-02": { FF: "30" }, "2025-03": { FF: "57" } }, ["2025-03"]);
    expect(pick(r, "2025-03", "GG").ytd).toBe("26.666667");
    expect(pick(r, "2025-03", "GG").month).toBe("35");
  });

  it("institution formulas read the same institution, and region indicators from the region", () => {
    const c = [
      def("PP", "FLOW", null, { scope: "REGION" }),
      def("II", "FLOW", null, { scope: "INSTITUTION" }),
      def("JJ", "RATE", "PCT(II, PP)", { scope: "INSTITUTION", unit: "%" }),
      def("KK", "FLOW", "II + 1", { scope: "REGION" }),
    ];
    const r = run(c, { "2025-01": { PP: "200", "II@H1": "50", "II@H2": "30", "II@H9": "999" } }, ["2025-01"], inst("H1", "H2"));
    expect(pick(r, "2025-01", "JJ", "TOTAL", "H1").ytd).toBe("25"); // 50/200 × 100
    expect(pick(r, "2025-01", "JJ", "TOTAL", "H2").ytd).toBe("15"); // 30/200 × 100
    expect(entries(pick(r, "2025-01", "JJ", "TOTAL", "H2"))[0]).toBe("II.TOTAL@H2 2025-01 ytd=30 v-2025-01");
    expect(entries(pick(r, "2025-01", "JJ", "TOTAL", "H2"))[1]).toBe("PP.TOTAL 2025-01 ytd=200 v-2025-01");
    // a region formula does not aggregate institutions: null
    expect(pick(r, "2025-01", "KK").ytd).toBeNull();
    // H9 is not in the institution list: no rows
    expect(r.some((x) => x.institutionCode === "H9")).toBe(false);
  });

  it("unknown codes and missing schemes read null; derived values in a sheet are ignored", () => {
    const c = [def("AA", "FLOW"), def("UU", "FLOW", "AA + NOPE"), def("VV", "FLOW", "AA.EMPLOYEE + 1"), def("WW", "FLOW", "AA * 2")];
    const r = run(c, { "2025-01": { AA: "3", WW: "999" } }, ["2025-01"]);
    expect(pick(r, "2025-01", "UU").ytd).toBeNull();
    expect(entries(pick(r, "2025-01", "UU"))).toContain("NOPE.TOTAL 2025-01 ytd=null -");
    expect(pick(r, "2025-01", "VV").ytd).toBeNull();
    expect(pick(r, "2025-01", "WW").ytd).toBe("6");
  });

  it("terminates on formulas that read their own past, and on cycles (null, no stack overflow)", () => {
    const c = [def("AA", "FLOW"), def("CC", "STOCK", "PREV_MONTH(CC) + AA"), def("XX", "FLOW", "YY + 1"), def("YY", "FLOW", "XX + 1")];
    const r = run(c, { "2020-01": { AA: "1" }, "2025-06": { AA: "1" } }, ["2025-06"]);
    // CC reads its own value back to the first sheet (2020-01), where the month before has no data → null
    expect(pick(r, "2025-06", "CC").ytd).toBeNull();
    expect(pick(r, "2025-06", "XX").ytd).toBeNull();
    expect(pick(r, "2025-06", "YY").ytd).toBeNull();
  });
});

describe("rows, order and completeness", () => {
  it("lists every indicator × scheme × institution for each period, period-major in catalogue order", () => {
    const c = [
      def("AA", "FLOW", null, { schemes: ["EMPLOYEE", "TOTAL"] }),
      def("II", "FLOW", null, { scope: "INSTITUTION" }),
      def("DD", "RATE", "AA * 2"),
    ];
    const r = run(c, { "2025-01": { "AA.TOTAL": "1" } }, ["2025-02", "2025-01", "2025-02"], inst("H2", "H1"));
    expect(r.map((x) => `${x.period} ${x.indicatorCode}.${x.scheme}${x.institutionCode ? `@${x.institutionCode}` : ""}`)).toEqual([
      "2025-02 AA.EMPLOYEE",
      "2025-02 AA.TOTAL",
      "2025-02 II.TOTAL@H2",
      "2025-02 II.TOTAL@H1",
      "2025-02 DD.TOTAL",
      "2025-01 AA.EMPLOYEE",
      "2025-01 AA.TOTAL",
      "2025-01 II.TOTAL@H2",
      "2025-01 II.TOTAL@H1",
      "2025-01 DD.TOTAL",
    ]);
    expect(r.every((x) => (x.indicatorCode === "II") === (x.institutionCode !== null))).toBe(true);
  });

  it("with no accepted sheet at all, every value is null", () => {
    const r = run([def("AA", "FLOW"), def("DD", "RATE", "MONTHS_ELAPSED()")], {}, ["2025-03"]);
    expect(r.map(fields)).toEqual([
      { ytd: null, month: null, prevYearYtd: null, yoy: null, mom: null },
      { ytd: null, month: null, prevYearYtd: null, yoy: null, mom: null },
    ]);
  });

  it("rejects a malformed period", () => {
    expect(() => run([def("AA", "FLOW")], {}, ["2025-3"])).toThrow(/无效的期间/);
  });
});

describe("resident scheme: contributions arrive in Q4", () => {
  // FB02-like: resident balance = income − expenditure, year to date. Income is low until October.
  const cat = [
    def("FI04", "FLOW", null, { schemes: ["RESIDENT"] }),
    def("FE02", "FLOW", null, { schemes: ["RESIDENT"] }),
    def("FB02", "FLOW", "FI04 - FE02", { schemes: ["RESIDENT"] }),
  ];
  const data: Record<string, Cells> = {
    "2024-09": { "FI04.RESIDENT": "850", "FE02.RESIDENT": "1700" },
    "2024-10": { "FI04.RESIDENT": "4500", "FE02.RESIDENT": "1900" },
    "2025-07": { "FI04.RESIDENT": "700", "FE02.RESIDENT": "1400" },
    "2025-08": { "FI04.RESIDENT": "800", "FE02.RESIDENT": "1600" },
    "2025-09": { "FI04.RESIDENT": "900", "FE02.RESIDENT": "1800" },
    "2025-10": { "FI04.RESIDENT": "5000", "FE02.RESIDENT": "2000" },
  };
  const rows = run(cat, data, ["2025-09", "2025-10"]);

  it("is negative year to date before Q4 — computed, not nulled or clamped", () => {
    // ytd = 900 − 1800 = −900; month = (900−800) − (1800−1600) = −100; prevYearYtd = 850 − 1700 = −850;
    // yoy = −900 / −850 − 1 = 0.0588235… → 0.058824 (a wider deficit reads as "growth": the §4 formula, as written);
    // Aug month = (800−700) − (1600−1400) = −100 → mom = −100 / −100 − 1 = 0
    expect(fields(pick(rows, "2025-09", "FB02", "RESIDENT"))).toEqual({
      ytd: "-900",
      month: "-100",
      prevYearYtd: "-850",
      yoy: "0.058824",
      mom: "0",
    });
  });

  it("turns positive once the contributions arrive in October", () => {
    // ytd = 5000 − 2000 = 3000; month = 4100 − 200 = 3900; prevYearYtd = 4500 − 1900 = 2600;
    // yoy = 3000/2600 − 1 = 0.153846…; mom = 3900 / −100 − 1 = −40
    expect(fields(pick(rows, "2025-10", "FB02", "RESIDENT"))).toEqual({
      ytd: "3000",
      month: "3900",
      prevYearYtd: "2600",
      yoy: "0.153846",
      mom: "-40",
    });
  });
});

describe("a superseded version", () => {
  it("changes last year's value, hence prevYearYtd, yoy and the lineage's version, when the accepted map changes", () => {
    const cat = [def("FF", "FLOW")];
    const base = { "2025-02": { FF: "30" }, "2025-03": { FF: "57" } };
    const before = computeRegionMetrics({
      catalogue: cat,
      institutions: [],
      periods: ["2025-03"],
      accepted: sheets({ ...base, "2024-03": { FF: "45" } }, (p) => `${p}#1`),
    });
    const after = computeRegionMetrics({
      catalogue: cat,
      institutions: [],
      periods: ["2025-03"],
      accepted: sheets({ ...base, "2024-03": { FF: "50" } }, (p) => (p === "2024-03" ? `${p}#2` : `${p}#1`)),
    });
    // 57/45 − 1 = 0.266667 with version 1 of March 2024; 57/50 − 1 = 0.14 once version 2 replaced it
    expect([before[0]!.prevYearYtd, before[0]!.yoy]).toEqual(["45", "0.266667"]);
    expect([after[0]!.prevYearYtd, after[0]!.yoy]).toEqual(["50", "0.14"]);
    expect(before[0]!.lineage.inputs.find((e) => e.period === "2024-03")!.versionId).toBe("2024-03#1");
    expect(after[0]!.lineage.inputs.find((e) => e.period === "2024-03")!.versionId).toBe("2024-03#2");
    // this year's fields do not move
    expect([after[0]!.ytd, after[0]!.month, after[0]!.mom]).toEqual([before[0]!.ytd, before[0]!.month, before[0]!.mom]);
  });
});
