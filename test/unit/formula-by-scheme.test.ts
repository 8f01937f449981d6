import { describe, expect, it } from "vitest";
import type { IndicatorDef, Scheme } from "@/app/_domain/catalogue";
import { checkCatalogueFormulas } from "@/app/_domain/catalogues/check-catalogue";
import { NHSA_2025_03 } from "@/app/_domain/catalogues/nhsa-2025-03";
import { NHSA_2025_03_V2 } from "@/app/_domain/catalogues/nhsa-2025-03-v2";
import {
  Decimal,
  evaluate,
  evaluateWithTrace,
  formatFormula,
  parseFormula,
  readableFormula,
  readableText,
  referencesOf,
} from "@/app/_domain/formula";
import { explainIndicator } from "@/app/_domain/indicator-explanation";
import { computeRegionMetrics, type AcceptedSheet } from "@/app/_domain/metrics";
import { evaluateExact } from "@/app/_domain/metrics/compute-metrics";
import { parseExact } from "@/app/_domain/metrics/exact";

/** BY_SCHEME(职工, 居民, 合计): the formula language's per-scheme choice (docs/metrics.md), and SV03/BG03 of NHSA-2025-03-V2. */

const parsed = (text: string) => {
  const r = parseFormula(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.ast;
};

describe("BY_SCHEME: parsing", () => {
  it("takes exactly three arguments, and says which in Chinese", () => {
    const hint = "函数 BY_SCHEME 需要 3 个参数（依次为职工、居民、合计的算式）";
    expect(parseFormula("BY_SCHEME(FI01, FI02)")).toEqual({ ok: false, error: { message: `${hint}，实际为 2 个`, position: 0 } });
    expect(parseFormula("1 + BY_SCHEME(1, 2, 3, 4)")).toEqual({ ok: false, error: { message: `${hint}，实际为 4 个`, position: 4 } });
    expect(parseFormula("BY_SCHEME")).toMatchObject({ ok: false, error: { message: "函数 BY_SCHEME 后缺少左括号" } });
  });

  it("prints back to the same text, nested or not", () => {
    for (const text of ["(BG01 / BY_SCHEME(FE01, FE02, FE03) - 1) * 100", "BY_SCHEME(1, BY_SCHEME(A1, B1.TOTAL, 2), -C1)"])
      expect(formatFormula(parsed(text))).toBe(text);
  });
});

describe("BY_SCHEME: evaluation", () => {
  const data: Record<string, string> = { "FI03|EMPLOYEE": "60", "FI03|RESIDENT": "40", "FI03|TOTAL": "100", "FE01|EMPLOYEE": "30" };
  const ctx = (scheme: Scheme) => ({
    period: "2025-03",
    scheme,
    value: (code: string, s: Scheme) => (data[`${code}|${s}`] === undefined ? null : new Decimal(data[`${code}|${s}`]!)),
  });
  const calc = (text: string, scheme: Scheme) => evaluate(parsed(text), ctx(scheme))?.toString() ?? null;

  it("is its first argument for 职工, the second for 居民, the third for 合计", () => {
    const f = "BY_SCHEME(FI03 / FE01, FI03 * 2, FI03.EMPLOYEE + FI03.RESIDENT)";
    expect([calc(f, "EMPLOYEE"), calc(f, "RESIDENT"), calc(f, "TOTAL")]).toEqual(["2", "80", "100"]);
  });

  it("null rules: only the chosen argument counts — a missing input or a division by zero elsewhere does not matter", () => {
    const f = "BY_SCHEME(FI03, 1 / 0, XX01)";
    expect([calc(f, "EMPLOYEE"), calc(f, "RESIDENT"), calc(f, "TOTAL")]).toEqual(["60", null, null]);
    // …and the lineage lists only what the chosen argument read.
    const t = evaluateWithTrace(parsed("BY_SCHEME(FI03, FE01.EMPLOYEE, XX01) + FI03"), ctx("EMPLOYEE"));
    expect(t.inputs.map((i) => `${i.code}.${i.scheme}`)).toEqual(["FI03.EMPLOYEE"]);
    expect(t.value?.toString()).toBe("120");
  });

  it("the engine's exact evaluator gives the same values", () => {
    const f = parsed("PCT(FI03, BY_SCHEME(FE01, FI03.TOTAL, 1 / 0))");
    for (const scheme of ["EMPLOYEE", "RESIDENT", "TOTAL"] as Scheme[]) {
      const engine = evaluateExact(f, 2025 * 12 + 2, scheme, (code, s) => parseExact(data[`${code}|${s}`]));
      expect(engine?.text() ?? null, scheme).toBe(evaluate(f, ctx(scheme))?.toFixed() ?? null);
    }
    expect(evaluateExact(f, 2025 * 12 + 2, "EMPLOYEE", (code, s) => parseExact(data[`${code}|${s}`]))?.text()).toBe("200");
  });
});

describe("BY_SCHEME: references and catalogue checks", () => {
  it("a reference inside an argument is read for that argument's scheme only", () => {
    expect(referencesOf(parsed("BY_SCHEME(FE01, FE02 + BY_SCHEME(X1, X2, X3), FE03) + SV02")).map((r) => [r.code, r.onlyFor])).toEqual([
      ["FE01", ["EMPLOYEE"]],
      ["FE02", ["RESIDENT"]],
      ["X1", []],
      ["X2", ["RESIDENT"]],
      ["X3", []],
      ["FE03", ["TOTAL"]],
      ["SV02", null],
    ]);
  });

  const context: Pick<IndicatorDef, "code" | "formula" | "schemes">[] = [
    { code: "FE01", formula: null, schemes: ["EMPLOYEE"] },
    { code: "FE02", formula: null, schemes: ["RESIDENT"] },
    { code: "FE03", formula: null, schemes: ["TOTAL"] },
  ];
  const ER: Scheme[] = ["EMPLOYEE", "RESIDENT", "TOTAL"];

  it("accepts unqualified references that exist in their argument's scheme", () => {
    expect(checkCatalogueFormulas([{ code: "ZZ01", formula: "BY_SCHEME(FE01, FE02, FE03)", schemes: ER }], context)).toEqual([]);
    // An indicator without 职工 never reads the first argument.
    expect(
      checkCatalogueFormulas([{ code: "ZZ01", formula: "BY_SCHEME(FE03, FE02, FE03)", schemes: ["RESIDENT", "TOTAL"] }], context),
    ).toEqual([]);
  });

  it("refuses arguments in the wrong order, naming the scheme and the qualified form", () => {
    expect(checkCatalogueFormulas([{ code: "ZZ01", formula: "BY_SCHEME(FE02, FE01, FE03)", schemes: ER }], context)).toEqual([
      {
        code: "ZZ01",
        message: "指标 FE02 没有“职工”险种的数值，而本指标按该险种计算；请写成限定险种的形式（FE02.RESIDENT）或调整本指标的险种",
        position: 10,
      },
      {
        code: "ZZ01",
        message: "指标 FE01 没有“居民”险种的数值，而本指标按该险种计算；请写成限定险种的形式（FE01.EMPLOYEE）或调整本指标的险种",
        position: 16,
      },
    ]);
  });
});

describe("BY_SCHEME: readable form", () => {
  const NAMES: Record<string, string> = { SV02: "住院人次", FI01: "职工参保人数", FI02: "居民参保人数" };
  it("lists the three cases by scheme name", () => {
    const parts = readableFormula(parsed(NHSA_2025_03_V2.indicators.find((i) => i.code === "SV03")!.formula!), (c) => NAMES[c] ?? null);
    expect(readableText(parts)).toBe(
      "住院人次 ÷ 按险种（职工：职工参保人数；居民：居民参保人数；合计：职工参保人数（职工） + 居民参保人数（居民）） × 100",
    );
    expect(parts.filter((p) => "code" in p).map((p) => ("code" in p ? p.code : ""))).toEqual(["SV02", "FI01", "FI02", "FI01", "FI02"]);
  });

  it("the indicator page says how BY_SCHEME chooses; formulas without it do not", () => {
    const rules = (code: string) => explainIndicator(NHSA_2025_03_V2.indicators, code)!.rules.join("\n");
    expect(rules("BG03")).toContain("按险种（BY_SCHEME）：计算职工数值时取「职工」后的算式");
    expect(rules("SV05")).not.toContain("BY_SCHEME");
    expect(explainIndicator(NHSA_2025_03_V2.indicators, "BG03")!.reads.map((r) => r.code)).toEqual(["BG01", "FE01", "FE02", "FE03"]);
  });
});

/** "CODE.SCHEME" → value, one accepted sheet. */
function sheet(period: string, cells: Record<string, string>): [string, AcceptedSheet] {
  const rows = Object.entries(cells).map(([key, value]) => {
    const [code, scheme] = key.split(".");
    return { indicatorCode: code!, scheme: scheme as Scheme, institutionCode: null, value };
  });
  return [period, { versionId: `v-${period}`, rows }];
}

describe("NHSA-2025-03-V2: SV03 and BG03 per scheme, worked by hand", () => {
  const accepted = new Map([
    sheet("2025-02", {
      "SV02.EMPLOYEE": "600",
      "SV02.RESIDENT": "900",
      "SV02.TOTAL": "1500",
      "FI01.EMPLOYEE": "40000",
      "FI02.RESIDENT": "100000",
    }),
    sheet("2025-03", {
      "SV02.EMPLOYEE": "1000",
      "SV02.RESIDENT": "1500",
      "SV02.TOTAL": "2500",
      "FI01.EMPLOYEE": "40000",
      "FI02.RESIDENT": "120000",
    }),
    sheet("2025-12", {
      "BG01.EMPLOYEE": "550",
      "BG01.RESIDENT": "315",
      "BG01.TOTAL": "865",
      "FE01.EMPLOYEE": "500",
      "FE02.RESIDENT": "300",
    }),
  ]);
  const run = (catalogue: IndicatorDef[]) =>
    computeRegionMetrics({ catalogue, institutions: [], accepted, periods: ["2025-03", "2025-12"] });
  const rows = run(NHSA_2025_03_V2.indicators);
  const at = (period: string, code: string, scheme: Scheme) =>
    rows.find((r) => r.period === period && r.indicatorCode === code && r.scheme === scheme)!;

  it("SV03 住院率 in March: 职工 ÷ FI01, 居民 ÷ FI02, 合计 ÷ (FI01 + FI02), for the year to date, the month and the quarter", () => {
    const f = (scheme: Scheme) => {
      const r = at("2025-03", "SV03", scheme);
      return [r.ytd, r.month, r.quarter];
    };
    // 职工: 1000 ÷ 40000 × 100 = 2.5; month (1000 − 600) ÷ 40000 × 100 = 1; Q1 = the year to date
    expect(f("EMPLOYEE")).toEqual(["2.5", "1", "2.5"]);
    // 居民: 1500 ÷ 120000 × 100 = 1.25; month (1500 − 900) ÷ 120000 × 100 = 0.5
    expect(f("RESIDENT")).toEqual(["1.25", "0.5", "1.25"]);
    // 合计: 2500 ÷ 160000 × 100 = 1.5625; month 1000 ÷ 160000 × 100 = 0.625
    expect(f("TOTAL")).toEqual(["1.5625", "0.625", "1.5625"]);
    // Each scheme's lineage lists what it read: 职工 never reads the residents' enrolees.
    const read = (scheme: Scheme) => [...new Set(at("2025-03", "SV03", scheme).lineage.inputs.map((e) => `${e.code}.${e.scheme}`))];
    expect(read("EMPLOYEE")).toEqual(["SV02.EMPLOYEE", "FI01.EMPLOYEE"]);
    expect(read("RESIDENT")).toEqual(["SV02.RESIDENT", "FI02.RESIDENT"]);
  });

  it("BG03 下一年度医保总额增长率 in December: BG01 ÷ FE01 (职工), ÷ FE02 (居民), ÷ FE03 (合计), − 1, × 100; no month value", () => {
    const f = (scheme: Scheme) => [at("2025-12", "BG03", scheme).ytd, at("2025-12", "BG03", scheme).month];
    expect(f("EMPLOYEE")).toEqual(["10", null]); // (550 ÷ 500 − 1) × 100
    expect(f("RESIDENT")).toEqual(["5", null]); // (315 ÷ 300 − 1) × 100
    expect(f("TOTAL")).toEqual(["8.125", null]); // (865 ÷ (500 + 300) − 1) × 100
  });

  it("合计 values are NHSA-2025-03's, which has no 职工 or 居民 row for either", () => {
    const old = run(NHSA_2025_03.indicators);
    for (const code of ["SV03", "BG03"]) {
      expect(old.filter((r) => r.indicatorCode === code).map((r) => r.scheme)).toEqual(["TOTAL", "TOTAL"]);
      for (const period of ["2025-03", "2025-12"]) {
        const { lineage: _a, ...was } = old.find((r) => r.period === period && r.indicatorCode === code)!;
        const { lineage: _b, ...now } = at(period, code, "TOTAL");
        expect(now).toEqual(was);
      }
    }
  });
});
