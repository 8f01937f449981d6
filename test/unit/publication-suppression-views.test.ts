import { describe, expect, it } from "vitest";
import type { IndicatorDef, Scheme } from "@/app/_domain/catalogue";
import { NHSA_2025_03 } from "@/app/_domain/catalogues/nhsa-2025-03";
import type { MetricValues } from "@/app/_domain/metrics/compute-metrics";
import { figure, frozen, indicatorInfo, RowIndex, series } from "@/app/_domain/publications/figures";
import {
  defaultLayout,
  defaultTitle,
  layoutIndicators,
  MONTHLY_LAYOUT,
  publicationPeriod,
  QUARTERLY_LAYOUT,
} from "@/app/_domain/publications/layouts";
import type { FrozenRegionPart, InstitutionPart, Num } from "@/app/_domain/publications/types";
import { letters, peerPoints } from "@/app/_domain/publications/views";

const CATALOGUE = NHSA_2025_03.indicators;
const SV02 = CATALOGUE.find((i) => i.code === "SV02")!; // 住院人次: 职工, 居民, 合计; 人次
const FE01 = CATALOGUE.find((i) => i.code === "FE01")!; // money: never suppressed
const O = { threshold: 5 };
const HIDDEN = { suppressed: "<5" };

function row(def: IndicatorDef, scheme: Scheme, month: string | null, ytd: string | null = month, period = "2025-06"): MetricValues {
  const values = { period, indicatorCode: def.code, scheme, institutionCode: null, ytd, month } as MetricValues;
  for (const f of [
    "prevYearYtd",
    "yoy",
    "mom",
    "yoyDiff",
    "momDiff",
    "quarter",
    "prevYearQuarter",
    "quarterYoy",
    "qoq",
    "quarterYoyDiff",
    "qoqDiff",
  ] as const)
    values[f] = null;
  return values;
}
/** SV02's month values for 职工, 居民, 合计 (ytd large, so only the month field is small). */
const month = (e: string | null, r: string | null, t: string | null) =>
  new RowIndex([row(SV02, "EMPLOYEE", e, "9000"), row(SV02, "RESIDENT", r, "9000"), row(SV02, "TOTAL", t, "18000")]);
const monthOf = (rows: RowIndex, scheme: Scheme): Num => frozen(SV02, rows, "2025-06", scheme, null, (x) => x.month, O);
const all = (rows: RowIndex) => (["EMPLOYEE", "RESIDENT", "TOTAL"] as const).map((s) => monthOf(rows, s));

describe("complementary suppression across schemes: 合计 − the other scheme never gives a hidden count back", () => {
  it("hides the other scheme with a small 职工 or 居民 count, and keeps 合计", () => {
    expect(all(month("3", "120", "123"))).toEqual([HIDDEN, HIDDEN, "123"]);
    expect(all(month("120", "2", "122"))).toEqual([HIDDEN, HIDDEN, "122"]);
    // Both small: both hidden already, 合计 (≥ 5) shown.
    expect(all(month("3", "4", "7"))).toEqual([HIDDEN, HIDDEN, "7"]);
  });

  it("withholds 合计 where the other scheme has nothing to hide (zero or missing)", () => {
    expect(all(month("3", "0", "3"))).toEqual([HIDDEN, "0", HIDDEN]);
    expect(all(month("3", null, "3"))).toEqual([HIDDEN, null, HIDDEN]);
  });

  it("leaves large counts, money and a lone small 合计 to primary suppression alone", () => {
    expect(all(month("300", "120", "420"))).toEqual(["300", "120", "420"]);
    expect(all(month(null, null, "4"))).toEqual([null, null, HIDDEN]);
    const money = new RowIndex([row(FE01, "EMPLOYEE", "3")]);
    expect(frozen(FE01, money, "2025-06", "EMPLOYEE", null, (x) => x.month, O)).toBe("3");
  });

  it("applies to every frozen count of a figure and of a series, field by field", () => {
    const rows = month("3", "120", "123");
    const f = figure(SV02, indicatorInfo(SV02, "RESIDENT"), rows, "2025-06", null, false, O);
    expect(f.month).toEqual(HIDDEN);
    expect(f.ytd).toBe("9000");
    const total = figure(SV02, indicatorInfo(SV02, "TOTAL"), rows, "2025-06", null, false, O);
    expect([total.month, total.ytd]).toEqual(["123", "18000"]);
    expect(series(SV02, indicatorInfo(SV02, "RESIDENT"), rows, ["2025-05", "2025-06"], O)).toEqual([
      { period: "2025-05", value: null },
      { period: "2025-06", value: HIDDEN },
    ]);
  });
});

describe("peer lettering: anonymised peers cannot be matched across recipients", () => {
  const inst = (code: string) => ({ code, name: `医院${code}`, values: { "IN05:TOTAL": code } as Record<string, Num> });
  const peers = ["H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8"].map(inst);
  const region = (peerMode: FrozenRegionPart["peerMode"]) => ({ peerMode, peers: { L3: peers } }) as unknown as FrozenRegionPart;
  const part = (code: string) =>
    ({ institution: { code, name: `医院${code}`, level: "L3", levelLabel: "三级" }, panels: {} }) as unknown as InstitutionPart;

  it("letters A…Z, then AA, AB, … ZZ, AAA", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(letters)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });

  it("names the own institution first and letters the others, in an order stable per version and recipient", () => {
    const a = peerPoints(region("ANONYMISED"), part("H1"), "v1");
    expect(a[0]).toEqual({ label: "医院H1", own: true, values: { "IN05:TOTAL": "H1" } });
    expect(a.slice(1).map((p) => p.label)).toEqual(["A", "B", "C", "D", "E", "F", "G"].map((l) => `同级机构 ${l}`));
    expect(a.some((p) => !p.own && p.label.includes("医院"))).toBe(false);
    expect(peerPoints(region("ANONYMISED"), part("H1"), "v1")).toEqual(a);
    // Another recipient, or another version, letters the same peers differently.
    const whoIsA = (points: ReturnType<typeof peerPoints>) => points.find((p) => p.label === "同级机构 A")!.values["IN05:TOTAL"];
    const others = ["H2", "H3", "H4"].map((c) => whoIsA(peerPoints(region("ANONYMISED"), part(c), "v1")));
    const versions = ["v2", "v3", "v4"].map((v) => whoIsA(peerPoints(region("ANONYMISED"), part("H1"), v)));
    expect(new Set([whoIsA(a), ...versions]).size).toBeGreaterThan(1);
    expect(others.every((x) => x !== undefined)).toBe(true);
  });

  it("shows names in NAMED mode and no peers in OWN_ONLY mode", () => {
    expect(peerPoints(region("NAMED"), part("H2"), "v1").map((p) => p.label)).toEqual([
      "医院H2",
      ...peers.filter((p) => p.code !== "H2").map((p) => p.name),
    ]);
    expect(peerPoints(region("OWN_ONLY"), part("H2"), "v1")).toEqual([]);
  });
});

describe("default layouts", () => {
  it("refer only to indicators of the shipped catalogue, with unique panel ids", () => {
    const codes = new Set(CATALOGUE.map((i) => i.code));
    for (const layout of [MONTHLY_LAYOUT, QUARTERLY_LAYOUT]) {
      expect(layoutIndicators(layout).filter((r) => !codes.has(r.code))).toEqual([]);
      const ids = layout.sections.flatMap((s) => s.panels.map((p) => `${s.id}/${p.id}`));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("follow docs/publications.md: the push's four KPI indicators and SV02, the release's 本院 table of IN01–IN20", () => {
    const kpi = MONTHLY_LAYOUT.sections[0]!.panels[0]!;
    expect(kpi.indicators!.map((r) => r.code)).toEqual(["FE03", "FI05", "FB05", "FB06", "SV02"]);
    const own = QUARTERLY_LAYOUT.sections.flatMap((s) => s.panels).find((p) => p.kind === "OWN_INDICATORS")!;
    expect(own.indicators!.map((r) => r.code)).toEqual(Array.from({ length: 20 }, (_, i) => `IN${String(i + 1).padStart(2, "0")}`));
  });

  it("hands out a copy each time: editing a draft's layout does not change the default", () => {
    const copy = defaultLayout("MONTHLY_PUSH");
    copy.sections[0]!.panels[0]!.indicators!.push({ code: "ZZ99" });
    expect(defaultLayout("MONTHLY_PUSH")).toEqual(MONTHLY_LAYOUT);
    expect(defaultLayout("TOPICAL").sections.map((s) => s.panels.map((p) => p.kind))).toEqual([["NARRATIVE"]]);
  });

  it("periods and titles: a release needs a quarter-end month", () => {
    expect(publicationPeriod("QUARTERLY_RELEASE", "2025-06")).toMatchObject({ start: "2025-04", end: "2025-06" });
    expect(() => publicationPeriod("QUARTERLY_RELEASE", "2025-05")).toThrow("季发布的期间须为季度末月份");
    expect(defaultTitle("MONTHLY_PUSH", "合肥市", publicationPeriod("MONTHLY_PUSH", "2025-06"))).toBe("合肥市医保数据月推送（2025年6月）");
    expect(publicationPeriod("TOPICAL", "2025-06", "2025-01").label).toBe("2025年1月—2025年6月");
  });
});
