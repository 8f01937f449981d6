import { describe, expect, it } from "vitest";
import type { Scheme } from "@/app/_domain/catalogue";
import { NHSA_2025_03 } from "@/app/_domain/catalogues/nhsa-2025-03";
import { computeRegionMetrics, type AcceptedSheet, type MetricRow } from "@/app/_domain/metrics";

/**
 * Every derived indicator of the built-in catalogue NHSA-2025-03, computed from a small hand-made set of inputs,
 * with the expected value worked out by hand. Inputs are March 2025 (t), February 2025 (t−1) and March 2024 (t−12).
 */

const catalogue = NHSA_2025_03.indicators;

/** "CODE.SCHEME" (region) or "CODE@INST" (institution, TOTAL) → value. */
function sheet(period: string, cells: Record<string, string>): [string, AcceptedSheet] {
  return [
    period,
    {
      versionId: `v-${period}`,
      rows: Object.entries(cells).map(([key, value]) => {
        const [left, inst] = key.split("@");
        const [code, scheme] = left!.split(".");
        return { indicatorCode: code!, scheme: (scheme ?? "TOTAL") as Scheme, institutionCode: inst ?? null, value };
      }),
    },
  ];
}

const accepted = new Map([
  sheet("2024-03", {
    "FI03.EMPLOYEE": "1000",
    "FI04.RESIDENT": "400",
    "FE01.EMPLOYEE": "800",
    "FE02.RESIDENT": "500",
    "SV02.TOTAL": "3200",
    "MA01.TOTAL": "100",
    "MA02.TOTAL": "80",
  }),
  sheet("2025-02", {
    "FI03.EMPLOYEE": "700",
    "FI04.RESIDENT": "300",
    "FE01.EMPLOYEE": "600",
    "FE02.RESIDENT": "400",
    "SV04.TOTAL": "2000",
    "SV02.TOTAL": "2500",
    "IN02@H1": "250",
    "IN03@H1": "360",
  }),
  sheet("2025-03", {
    "FI01.EMPLOYEE": "200000",
    "FI02.RESIDENT": "300000",
    "FI03.EMPLOYEE": "1100",
    "FI04.RESIDENT": "500",
    "FE01.EMPLOYEE": "900",
    "FE02.RESIDENT": "600",
    "FE04.EMPLOYEE": "500",
    "FE04.RESIDENT": "300",
    "FE04.TOTAL": "800",
    "FB03.EMPLOYEE": "6000",
    "FB04.RESIDENT": "1000",
    "MA01.TOTAL": "120",
    "MA02.TOTAL": "90",
    "BG01.TOTAL": "2000",
    "PM02.TOTAL": "3000",
    "PM04.EMPLOYEE": "400",
    "PM04.RESIDENT": "150",
    "PM04.TOTAL": "550",
    "SV01.TOTAL": "10000",
    "SV02.EMPLOYEE": "2500",
    "SV02.RESIDENT": "1500",
    "SV02.TOTAL": "4000",
    "SV04.EMPLOYEE": "2500",
    "SV04.RESIDENT": "900",
    "SV04.TOTAL": "3400",
    "SV06.EMPLOYEE": "20000",
    "SV06.RESIDENT": "16000",
    "SV06.TOTAL": "36000",
    "SV08.EMPLOYEE": "625",
    "SV08.RESIDENT": "400",
    "SV08.TOTAL": "1025",
    "IN02@H1": "400",
    "IN03@H1": "600",
    "IN04@H1": "420",
    "IN06@H1": "3200",
    "IN08@H1": "60",
    "IN17@H1": "12",
  }),
]);

const institutions = [
  { code: "H1", level: "LEVEL_3" },
  { code: "H2", level: "LEVEL_2" },
];
const rows = computeRegionMetrics({ catalogue, institutions, accepted, periods: ["2025-03"] });
const at = (code: string, scheme: Scheme, institution: string | null = null): MetricRow =>
  rows.find((r) => r.indicatorCode === code && r.scheme === scheme && r.institutionCode === institution)!;

/** Expected ytd of every derived indicator in March 2025, by "CODE.SCHEME" (institution ones for H1). */
const EXPECTED: Record<string, string> = {
  "FI05.TOTAL": "1600", // FI03.EMPLOYEE + FI04.RESIDENT = 1100 + 500
  "FI06.EMPLOYEE": "10", // YOY(FI03) × 100 = (1100/1000 − 1) × 100
  "FI07.RESIDENT": "25", // (500/400 − 1) × 100
  "FE03.TOTAL": "1500", // FE01.EMPLOYEE + FE02.RESIDENT = 900 + 600
  "FE06.EMPLOYEE": "12.5", // (900/800 − 1) × 100
  "FE07.RESIDENT": "20", // (600/500 − 1) × 100
  "FB01.EMPLOYEE": "200", // FI03 − FE01 = 1100 − 900
  "FB02.RESIDENT": "-100", // FI04 − FE02 = 500 − 600: negative before Q4 is normal
  "FB05.EMPLOYEE": "20", // FB03 / AVG_MONTHLY(FE01) = 6000 / (900 / 3)
  "FB06.RESIDENT": "5", // FB04 / AVG_MONTHLY(FE02) = 1000 / (600 / 3)
  "MA03.TOTAL": "30", // MA01 − MA02 = 120 − 90
  "BG03.TOTAL": "33.333333", // (BG01 / FE03 − 1) × 100 = (2000/1500 − 1) × 100 = 33.333…
  "PM03.TOTAL": "75", // PCT(PM02, SV02) = 3000/4000 × 100
  "PM05.EMPLOYEE": "80", // PCT(PM04, FE04) = 400/500 × 100
  "PM05.RESIDENT": "50", // 150/300 × 100
  "PM05.TOTAL": "68.75", // 550/800 × 100
  "SV03.TOTAL": "0.8", // PCT(SV02, FI01.EMPLOYEE + FI02.RESIDENT) = 4000 / 500000 × 100
  "SV05.EMPLOYEE": "10000", // SV04 × 10000 / SV02 = 2500 × 10000 / 2500 (元)
  "SV05.RESIDENT": "6000", // 900 × 10000 / 1500
  "SV05.TOTAL": "8500", // 3400 × 10000 / 4000
  "SV07.EMPLOYEE": "8", // SV06 / SV02 = 20000 / 2500
  "SV07.RESIDENT": "10.666667", // 16000 / 1500 = 10.666…
  "SV07.TOTAL": "9", // 36000 / 4000
  "SV09.EMPLOYEE": "80", // PCT(FE04, SV08) = 500/625 × 100
  "SV09.RESIDENT": "75", // 300/400 × 100
  "SV09.TOTAL": "78.04878", // 800/1025 × 100 = 78.0487804… → 78.048780, written without the trailing zero
  "SV10.TOTAL": "2.5", // SV01 / SV02 = 10000 / 4000
  "SV11.TOTAL": "25", // YOY(SV02) × 100 = (4000/3200 − 1) × 100
  "IN05.TOTAL": "15000", // IN03 × 10000 / IN02 = 600 × 10000 / 400 (元)
  "IN07.TOTAL": "8", // IN06 / IN02 = 3200 / 400
  "IN09.TOTAL": "10", // PCT(IN08, IN03) = 60/600 × 100
  "IN19.TOTAL": "3", // PCT(IN17, IN02) = 12/400 × 100
  "IN20.TOTAL": "70", // PCT(IN04, IN03) = 420/600 × 100
};

describe("the NHSA-2025-03 derived indicators", () => {
  it("the table above covers every derived indicator and scheme of the catalogue", () => {
    const derived = catalogue.filter((i) => i.formula !== null).flatMap((i) => i.schemes.map((s) => `${i.code}.${s}`));
    expect(Object.keys(EXPECTED).sort()).toEqual(derived.sort());
  });

  it.each(Object.entries(EXPECTED))("%s in March 2025 = %s", (key, expected) => {
    const [code, scheme] = key.split(".") as [string, Scheme];
    const institution = code.startsWith("IN") ? "H1" : null;
    expect(at(code, scheme, institution).ytd).toBe(expected);
  });

  it("months, prior year and growth of the sums and balances", () => {
    const f = (r: MetricRow) => ({ ytd: r.ytd, month: r.month, prevYearYtd: r.prevYearYtd, yoy: r.yoy });
    // FI05 month = (1100 − 700) + (500 − 300) = 600; prevYearYtd = 1000 + 400 = 1400; yoy = 1600/1400 − 1 = 0.142857…
    expect(f(at("FI05", "TOTAL"))).toEqual({ ytd: "1600", month: "600", prevYearYtd: "1400", yoy: "0.142857" });
    // FE03: prevYearYtd = 800 + 500 = 1300; yoy = 1500/1300 − 1 = 0.153846…
    expect(f(at("FE03", "TOTAL"))).toEqual({ ytd: "1500", month: "500", prevYearYtd: "1300", yoy: "0.153846" });
    // FB01 month = (1100 − 700) − (900 − 600) = 100; prevYearYtd = 1000 − 800 = 200; yoy = 0
    expect(f(at("FB01", "EMPLOYEE"))).toEqual({ ytd: "200", month: "100", prevYearYtd: "200", yoy: "0" });
    // FB02 month = (500 − 300) − (600 − 400) = 0; prevYearYtd = 400 − 500 = −100; yoy = −100/−100 − 1 = 0
    expect(f(at("FB02", "RESIDENT"))).toEqual({ ytd: "-100", month: "0", prevYearYtd: "-100", yoy: "0" });
    // MA03: prevYearYtd = 100 − 80 = 20; yoy = 30/20 − 1 = 0.5
    expect(f(at("MA03", "TOTAL"))).toEqual({ ytd: "30", month: null, prevYearYtd: "20", yoy: "0.5" });
  });

  it("FB05 in March = FB03 ÷ (FE01 ytd ÷ 3), ytd and quarter alike (a quarterly indicator has no month value)", () => {
    // Were AVG_MONTHLY to read FE01's quarter in the quarter view, the value would be 6000 / ((900 − 600)/3) = 60.
    expect([at("FB05", "EMPLOYEE").ytd, at("FB05", "EMPLOYEE").quarter, at("FB05", "EMPLOYEE").month]).toEqual(["20", "20", null]);
    expect(at("FB05", "EMPLOYEE").lineage.formula).toBe("FB03 / AVG_MONTHLY(FE01)");
    expect(
      at("FB05", "EMPLOYEE")
        .lineage.inputs.slice(0, 2)
        .map((e) => `${e.code}.${e.scheme} ${e.period} ${e.view}=${e.value} ${e.versionId}`),
    ).toEqual(["FB03.EMPLOYEE 2025-03 ytd=6000 v-2025-03", "FE01.EMPLOYEE 2025-03 ytd=900 v-2025-03"]);
  });

  it("per-month values of ratios are the ratio of the month's flows", () => {
    // SV05 TOTAL month = (3400 − 2000) × 10000 / (4000 − 2500) = 9333.333…; IN05 month = (600 − 360) × 10000 / (400 − 250) = 16000
    expect(at("SV05", "TOTAL").month).toBe("9333.333333");
    expect(at("IN05", "TOTAL", "H1").month).toBe("16000");
  });

  it("institutions without data get null everywhere, never 0", () => {
    const h2 = rows.filter((r) => r.institutionCode === "H2");
    expect(h2).toHaveLength(20);
    expect(h2.every((r) => r.ytd === null && r.month === null && r.prevYearYtd === null && r.yoy === null && r.mom === null)).toBe(true);
  });

  it("lists every indicator of the catalogue × scheme × institution", () => {
    const region = catalogue.filter((i) => i.scope === "REGION").reduce((n, i) => n + i.schemes.length, 0);
    expect(rows).toHaveLength(region + 20 * institutions.length);
    expect(new Set(rows.map((r) => r.indicatorCode)).size).toBe(69);
  });

  it("the resident balance FB02 is negative year to date until the Q4 contributions, then positive", () => {
    const acc = new Map([
      sheet("2025-08", { "FI04.RESIDENT": "800", "FE02.RESIDENT": "1600" }),
      sheet("2025-09", { "FI04.RESIDENT": "900", "FE02.RESIDENT": "1800" }),
      sheet("2025-10", { "FI04.RESIDENT": "5000", "FE02.RESIDENT": "2000" }),
      sheet("2025-11", { "FI04.RESIDENT": "5600", "FE02.RESIDENT": "2200" }),
    ]);
    const out = computeRegionMetrics({ catalogue, institutions: [], accepted: acc, periods: ["2025-09", "2025-10", "2025-11"] });
    const fb02 = out.filter((r) => r.indicatorCode === "FB02").map((r) => [r.period, r.ytd, r.month, r.mom]);
    // Sep: 900 − 1800 = −900, month 100 − 200 = −100; Oct: 3000, month 4100 − 200 = 3900, mom 3900/−100 − 1 = −40;
    // Nov: 5600 − 2200 = 3400, month 600 − 200 = 400, mom 400/3900 − 1 = −0.897436 (−0.8974358…)
    expect(fb02).toEqual([
      ["2025-09", "-900", "-100", null],
      ["2025-10", "3000", "3900", "-40"],
      ["2025-11", "3400", "400", "-0.897436"],
    ]);
    // FB06 (months covered) stays computable with a negative or positive balance: no FB04 here → null
    expect(out.find((r) => r.indicatorCode === "FB06" && r.period === "2025-10")!.ytd).toBeNull();
  });
});
