import { describe, expect, it } from "vitest";
import type { Frequency, IndicatorDef, Scheme, ValueBasis } from "@/app/_domain/catalogue";
import { computeRegionValues, type AcceptedSheet, type MetricValues } from "@/app/_domain/metrics";

/**
 * Issue 10: quarter fields, differences (percentage points for % units) and per-frequency rules, field by
 * field × basis × frequency, on a hand-made catalogue. Every expected number is worked out in the comment.
 */

function def(
  code: string,
  basis: ValueBasis,
  formula: string | null = null,
  frequency: Frequency = "MONTHLY",
  unit = "万元",
): IndicatorDef {
  return {
    code,
    category: "测试",
    nameZh: code,
    nameEn: null,
    unit,
    frequency,
    schemes: ["TOTAL"],
    scope: "REGION",
    basis,
    formula,
    minValue: null,
    maxValue: null,
    definition: null,
    tag: "NATIONAL_REQUIRED",
    evidence: null,
  };
}

const catalogue = [
  def("FF01", "FLOW"), // a monthly flow, reported year to date
  def("FF02", "FLOW"),
  def("SS01", "STOCK"), // a period-end stock
  def("RR01", "RATE", "PCT(FF01, FF02)", "MONTHLY", "%"), // a share, in %
  def("QQ01", "FLOW", null, "QUARTERLY"), // reported at quarter ends only
  def("QQ02", "RATE", "PCT(QQ01, FF02)", "QUARTERLY", "%"),
  def("YY01", "STOCK", null, "YEARLY"), // a plan, reported with December's sheet
  def("YY02", "RATE", "(YY01 / FF02 - 1) * 100", "YEARLY", "%"), // like BG03
  def("GG01", "RATE", "YOY(FF01) * 100", "MONTHLY", "%"), // a growth-rate indicator, like FI06
];

/** FF01 / FF02 ytd by month; 2024 complete, 2025 to June (May missing for FF02: a year with a missing month). */
const FF01: Record<string, string> = {
  "2024-01": "10",
  "2024-02": "20",
  "2024-03": "30",
  "2024-04": "40",
  "2024-05": "50",
  "2024-06": "60",
  "2024-07": "70",
  "2024-08": "80",
  "2024-09": "90",
  "2024-10": "100",
  "2024-11": "110",
  "2024-12": "150",
  "2025-01": "12",
  "2025-02": "24",
  "2025-03": "39",
  "2025-04": "52",
  "2025-05": "64",
  "2025-06": "81",
};
const FF02: Record<string, string> = {
  "2024-01": "100",
  "2024-02": "200",
  "2024-03": "300",
  "2024-04": "400",
  "2024-05": "500",
  "2024-06": "600",
  "2024-07": "700",
  "2024-08": "800",
  "2024-09": "900",
  "2024-10": "1000",
  "2024-11": "1100",
  "2024-12": "1200",
  "2025-01": "100",
  "2025-02": "200",
  "2025-03": "300",
  "2025-04": "400",
  "2025-06": "650",
};
const SS01: Record<string, string> = {
  "2024-03": "-50",
  "2024-06": "80",
  "2024-09": "70",
  "2024-12": "-20",
  "2025-03": "40",
  "2025-06": "30",
};
const QQ01: Record<string, string> = { "2024-03": "5", "2024-06": "11", "2024-09": "18", "2024-12": "30", "2025-03": "6", "2025-06": "13" };
const YY01: Record<string, string> = { "2024-12": "1500" };

function accepted(): Map<string, AcceptedSheet> {
  const out = new Map<string, AcceptedSheet>();
  const row = (code: string, value: string) => ({ indicatorCode: code, scheme: "TOTAL" as Scheme, institutionCode: null, value });
  for (const period of Object.keys(FF01)) {
    const rows = [row("FF01", FF01[period]!)];
    for (const [code, series] of Object.entries({ FF02, SS01, QQ01, YY01 }))
      if (series[period] !== undefined) rows.push(row(code, series[period]!));
    out.set(period, { versionId: `v-${period}`, rows });
  }
  return out;
}

const rows = computeRegionValues({ catalogue, institutions: [], accepted: accepted(), periods: Object.keys(FF01) });
const at = (period: string, code: string): MetricValues => rows.find((r) => r.period === period && r.indicatorCode === code)!;
const quarterFields = (r: MetricValues) => ({
  quarter: r.quarter,
  prevYearQuarter: r.prevYearQuarter,
  quarterYoy: r.quarterYoy,
  qoq: r.qoq,
  quarterYoyDiff: r.quarterYoyDiff,
  qoqDiff: r.qoqDiff,
});

describe("FLOW, monthly", () => {
  it("Q1 = ytd at March; qoq compares with the previous year's Q4", () => {
    // Q1 2025 = 39; Q1 2024 = 30; quarterYoy = 39/30 − 1 = 0.3; Q4 2024 = 150 − 90 = 60; qoq = 39/60 − 1 = −0.35
    expect(quarterFields(at("2025-03", "FF01"))).toEqual({
      quarter: "39",
      prevYearQuarter: "30",
      quarterYoy: "0.3",
      qoq: "-0.35",
      quarterYoyDiff: "9",
      qoqDiff: "-21",
    });
  });

  it("Q4 = ytd(December) − ytd(September)", () => {
    // Q4 2024 = 150 − 90 = 60; Q3 = 90 − 60 = 30; qoq = 60/30 − 1 = 1; no 2023 → prevYearQuarter null
    expect(quarterFields(at("2024-12", "FF01"))).toEqual({
      quarter: "60",
      prevYearQuarter: null,
      quarterYoy: null,
      qoq: "1",
      quarterYoyDiff: null,
      qoqDiff: "30",
    });
  });

  it("Q2 = ytd(June) − ytd(March); the months in between do not matter", () => {
    // Q2 2025 = 81 − 39 = 42; Q2 2024 = 60 − 30 = 30; quarterYoy = 0.4; qoq = 42/39 − 1 = 0.076923…
    expect(quarterFields(at("2025-06", "FF01"))).toEqual({
      quarter: "42",
      prevYearQuarter: "30",
      quarterYoy: "0.4",
      qoq: "0.076923",
      quarterYoyDiff: "12",
      qoqDiff: "3",
    });
  });

  it("months that end no quarter have no quarter fields", () => {
    expect(quarterFields(at("2025-05", "FF01"))).toEqual({
      quarter: null,
      prevYearQuarter: null,
      quarterYoy: null,
      qoq: null,
      quarterYoyDiff: null,
      qoqDiff: null,
    });
  });

  it("yoyDiff = ytd − prevYearYtd, momDiff = month − previous month (January against December)", () => {
    // Jan 2025: ytd 12, prevYearYtd 10 → yoyDiff 2; month 12 against Dec 2024's month 150 − 110 = 40 → momDiff −28
    expect(at("2025-01", "FF01")).toMatchObject({ ytd: "12", month: "12", yoyDiff: "2", mom: "-0.7", momDiff: "-28" });
  });

  it("a missing month leaves what reads it null, never a partial value", () => {
    // FF02 has no May 2025: May's month and June's month (650 − ?) are null, and so is June's momDiff
    expect(at("2025-05", "FF02")).toMatchObject({ ytd: null, month: null, yoyDiff: null, momDiff: null });
    expect(at("2025-06", "FF02")).toMatchObject({ ytd: "650", month: null, momDiff: null });
    // …but the quarter only needs March and June: Q2 = 650 − 300 = 350
    expect(at("2025-06", "FF02").quarter).toBe("350");
  });
});

describe("STOCK, monthly", () => {
  it("quarter = the value at quarter end; differences and growth against a negative base", () => {
    // Q1 2025 = 40 against Q1 2024 = −50: quarterYoy = 40/−50 − 1 = −1.8, quarterYoyDiff = 90;
    // previous quarter end (Dec 2024) = −20: qoq = 40/−20 − 1 = −3, qoqDiff = 60
    expect(quarterFields(at("2025-03", "SS01"))).toEqual({
      quarter: "40",
      prevYearQuarter: "-50",
      quarterYoy: "-1.8",
      qoq: "-3",
      quarterYoyDiff: "90",
      qoqDiff: "60",
    });
  });
});

describe("derived %, monthly: percentage points", () => {
  it("quarter = the formula over the inputs' quarter values, differences in percentage points", () => {
    // Q2 2025 = PCT(81 − 39, 650 − 300) = 42/350 × 100 = 12; Q2 2024 = 30/300 × 100 = 10 → +2 个百分点
    // Q1 2025 = 39/300 × 100 = 13 → qoqDiff = −1, qoq = 12/13 − 1 = −0.076923…
    expect(quarterFields(at("2025-06", "RR01"))).toEqual({
      quarter: "12",
      prevYearQuarter: "10",
      quarterYoy: "0.2",
      qoq: "-0.076923",
      quarterYoyDiff: "2",
      qoqDiff: "-1",
    });
  });

  it("yoyDiff of a rate is its change in percentage points", () => {
    // ytd Mar 2025 = 39/300 × 100 = 13; Mar 2024 = 30/300 × 100 = 10 → yoyDiff 3 (个百分点), yoy 0.3 (relative)
    expect(at("2025-03", "RR01")).toMatchObject({ ytd: "13", prevYearYtd: "10", yoy: "0.3", yoyDiff: "3" });
  });

  it("a growth-rate indicator's differences are in percentage points too", () => {
    // GG01 ytd Mar 2025 = (39/30 − 1) × 100 = 30; Feb = (24/20 − 1) × 100 = 20; month Mar = (15/10 − 1) × 100 = 50
    // Feb's month = (12/10 − 1) × 100 = 20 → momDiff = 30; quarter Q1 = (39/30 − 1) × 100 = 30
    expect(at("2025-03", "GG01")).toMatchObject({ ytd: "30", month: "50", momDiff: "30", quarter: "30" });
  });
});

describe("QUARTERLY indicators", () => {
  it("have quarter fields and year-to-date values, and no month, mom or momDiff", () => {
    // Q2 2025 = 13 − 6 = 7; Q2 2024 = 11 − 5 = 6; Q1 2025 = 6 → qoq = 7/6 − 1
    expect(at("2025-06", "QQ01")).toMatchObject({
      ytd: "13",
      month: null,
      mom: null,
      momDiff: null,
      prevYearYtd: "11",
      yoyDiff: "2",
      quarter: "7",
      prevYearQuarter: "6",
      qoq: "0.166667",
      qoqDiff: "1",
    });
  });

  it("a derived quarterly indicator gets its 本季 value from the inputs' quarter values", () => {
    // QQ02 Q2 2025 = PCT(7, 350) = 2; ytd = PCT(13, 650) = 2; Q2 2024 = PCT(6, 300) = 2
    expect(at("2025-06", "QQ02")).toMatchObject({ ytd: "2", month: null, quarter: "2", prevYearQuarter: "2", quarterYoyDiff: "0" });
  });

  it("have nothing in months that end no quarter (their inputs are reported at quarter ends only)", () => {
    expect(at("2025-04", "QQ02")).toMatchObject({ ytd: null, month: null, quarter: null, yoy: null });
  });
});

describe("YEARLY indicators", () => {
  it("have their year value in December, and no month, mom or quarter fields", () => {
    // YY02 Dec 2024 = (1500 / 1200 − 1) × 100 = 25; never the formula over FF02's one-month value (1500/100)
    expect(at("2024-12", "YY02")).toMatchObject({ ytd: "25", month: null, mom: null, momDiff: null, quarter: null, qoq: null });
    expect(at("2024-12", "YY01")).toMatchObject({ ytd: "1500", month: null, quarter: null });
  });

  it("have nothing in other months (their inputs come with December's sheet)", () => {
    expect(at("2025-03", "YY01")).toMatchObject({ ytd: null, month: null, quarter: null });
  });
});
