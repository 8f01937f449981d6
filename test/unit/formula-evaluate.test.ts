import DecimalJs from "decimal.js";
import { describe, expect, it } from "vitest";
import type { Scheme } from "@/app/_domain/catalogue";
import { Decimal, evaluate, evaluateWithTrace, parseFormula, type EvalContext } from "@/app/_domain/formula";
import type { PeriodOffset } from "@/app/_domain/periods";

/** Sheet values by "CODE|SCHEME|YYYY-MM"; anything absent is missing. */
type Data = Record<string, string>;

function context(period: string, data: Data, scheme: Scheme = "TOTAL", calls: PeriodOffset[] = []): EvalContext {
  return {
    period,
    scheme,
    value(code, s, offset, p) {
      calls.push(offset);
      const raw = data[`${code}|${s}|${p}`];
      return raw === undefined ? null : new Decimal(raw);
    },
  };
}

function calc(formula: string, period = "2025-03", data: Data = {}, scheme: Scheme = "TOTAL"): string | null {
  const r = parseFormula(formula);
  if (!r.ok) throw new Error(`${formula}: ${r.error.message}`);
  return evaluate(r.ast, context(period, data, scheme))?.toString() ?? null;
}

describe("the configured decimal", () => {
  it("has 40 significant digits, rounds half up, and never prints exponents", () => {
    expect(Decimal.precision).toBe(40);
    expect(Decimal.rounding).toBe(DecimalJs.ROUND_HALF_UP);
    expect(new Decimal("2.5").toDecimalPlaces(0).toString()).toBe("3");
    expect(new Decimal("-2.5").toDecimalPlaces(0).toString()).toBe("-3");
    expect(new Decimal("1.005").toDecimalPlaces(2).toString()).toBe("1.01");
    expect(new Decimal("0.0000001").toString()).toBe("0.0000001");
    expect(new Decimal("1e25").toString()).toBe("10000000000000000000000000");
  });

  it("leaves the global decimal.js constructor alone", () => {
    expect(DecimalJs.precision).toBe(20);
  });
});

describe("evaluate: arithmetic", () => {
  it.each([
    ["RATIO(10, 4)", "2.5"],
    ["0.1 + 0.2", "0.3"],
    ["0.3 - 0.1", "0.2"],
    ["1.1 * 1.1", "1.21"],
    ["2 + 3 * 4", "14"],
    ["(2 + 3) * 4", "20"],
    ["2 - 3 - 4", "-5"],
    ["2 / 4 / 5", "0.1"],
    ["-2 * 3", "-6"],
    ["2 * -3", "-6"],
    ["- -2", "2"],
    ["-(2 - 5)", "3"],
    ["10 - -2", "12"],
    ["-2 + 3", "1"],
    ["SUM(1, 2.5, -0.5)", "3"],
    ["SUM(7)", "7"],
    ["PCT(25, 200)", "12.5"],
    ["PER_1000(3, 1500)", "2"],
    ["0 / 5", "0"],
    ["2 / 3", `0.${"6".repeat(39)}7`],
    ["1 / 3 * 3", `0.${"9".repeat(40)}`],
    ["123456789012345678901234567890 + 0.0000000001", "123456789012345678901234567890.0000000001"],
  ])("%s = %s", (formula, expected) => {
    expect(calc(formula)).toBe(expected);
  });

  it('never returns a negative zero (JSON would write it as "-0")', () => {
    const r = parseFormula("-0 * 5");
    if (!r.ok) throw new Error(r.error.message);
    expect(JSON.stringify(evaluate(r.ast, context("2025-03", {})))).toBe('"0"');
  });

  it("0.1 + 0.2 is exactly 0.3", () => {
    expect(calc("0.1 + 0.2")).toBe("0.3");
    expect(new Decimal(calc("0.1 + 0.2")!).eq("0.3")).toBe(true);
  });

  it.each(["1 / 0", "0 / 0", "RATIO(1, 0)", "PCT(1, 0)", "PER_1000(1, 0)", "1 / (2 - 2)", "SUM(1, 2 / 0)", "-(1 / 0)", "(1 / 0) * 0"])(
    "%s is null, not Infinity, NaN or 0",
    (formula) => {
      expect(calc(formula)).toBeNull();
    },
  );
});

describe("evaluate: indicator references", () => {
  const data: Data = {
    "FI03|TOTAL|2025-03": "100",
    "FI03|EMPLOYEE|2025-03": "60",
    "FI03|RESIDENT|2025-03": "40",
    "FI03|TOTAL|2025-02": "80",
    "FI03|TOTAL|2024-03": "80",
    "FI03|TOTAL|2023-03": "64",
    "FI03|TOTAL|2024-12": "320",
    "FI03|TOTAL|2025-01": "30",
    "FE01|TOTAL|2025-03": "300",
    "FE01|TOTAL|2025-06": "450",
    "FE01|TOTAL|2025-01": "95",
    "FE01|TOTAL|2024-12": "1200",
    "BG01|TOTAL|2025-06": "1000",
    "FB03|TOTAL|2025-03": "1200",
    "ZERO|TOTAL|2024-03": "0",
    "ZERO|TOTAL|2025-03": "5",
  };

  it("reads unqualified references in the scheme being computed, qualified ones in their own scheme", () => {
    expect(calc("FI03", "2025-03", data)).toBe("100");
    expect(calc("FI03", "2025-03", data, "EMPLOYEE")).toBe("60");
    expect(calc("FI03.EMPLOYEE + FI03.RESIDENT", "2025-03", data)).toBe("100");
    expect(calc("FI03 - FI03.EMPLOYEE", "2025-03", data)).toBe("40");
    expect(calc("PCT(FI03.RESIDENT, FI03.TOTAL)", "2025-03", data, "RESIDENT")).toBe("40");
  });

  it("gives null for any missing input, even when multiplied by zero", () => {
    expect(calc("FI03 + XX01", "2025-03", data)).toBeNull();
    expect(calc("SUM(FI03, XX01)", "2025-03", data)).toBeNull();
    expect(calc("XX01 * 0", "2025-03", data)).toBeNull();
    expect(calc("FI03", "2025-03", data, "RESIDENT")).toBe("40");
    expect(calc("FI04", "2025-03", data)).toBeNull();
  });

  it("computes YOY and MOM from the same month last year and the previous month", () => {
    expect(calc("YOY(FI03)", "2025-03", data)).toBe("0.25"); // 100 ÷ 80 − 1
    expect(calc("MOM(FI03)", "2025-03", data)).toBe("0.25"); // 100 ÷ 80 − 1
    expect(calc("FI03 / PREV_YEAR(FI03) - 1", "2025-03", data)).toBe("0.25");
    expect(calc("YOY(FI03)", "2024-03", data)).toBe("0.25"); // 80 ÷ 64 − 1
    expect(calc("PREV_YEAR(YOY(FI03))", "2025-03", data)).toBe("0.25");
    expect(calc("MOM(FI03)", "2025-01", data)).toBe("-0.90625"); // January compares with December: 30 ÷ 320 − 1
  });

  it("gives null for a missing or zero prior period", () => {
    expect(calc("YOY(FI03)", "2023-03", data)).toBeNull();
    expect(calc("YOY(ZERO)", "2025-03", data)).toBeNull();
    expect(calc("MOM(FE01)", "2025-03", data)).toBeNull();
    expect(calc("PREV_YEAR(FI03)", "2022-03", data)).toBeNull();
  });

  it("chains PREV_YEAR and PREV_MONTH, passing the accumulated offset", () => {
    const calls: PeriodOffset[] = [];
    const r = parseFormula("PREV_YEAR(PREV_YEAR(FI03)) + PREV_MONTH(PREV_YEAR(FI03))");
    if (!r.ok) throw new Error(r.error.message);
    expect(evaluate(r.ast, context("2025-03", { ...data, "FI03|TOTAL|2024-02": "7" }, "TOTAL", calls))?.toString()).toBe("71");
    expect(calls).toEqual([
      { years: -2, months: 0 },
      { years: -1, months: -1 },
    ]);
    expect(calc("PREV_MONTH(FI03)", "2025-01", data)).toBe("320");
  });

  it("averages year-to-date values over the months elapsed", () => {
    expect(calc("AVG_MONTHLY(FE01)", "2025-03", data)).toBe("100"); // March: 300 ÷ 3
    expect(calc("AVG_MONTHLY(FE01)", "2025-01", data)).toBe("95");
    expect(calc("PREV_MONTH(AVG_MONTHLY(FE01))", "2025-01", data)).toBe("100"); // December 2024: 1200 ÷ 12
    expect(calc("FB03 / AVG_MONTHLY(FE01)", "2025-03", data)).toBe("12"); // months of payment the balance covers
    expect(calc("MONTHS_ELAPSED()", "2025-03")).toBe("3");
    expect(calc("MONTHS_ELAPSED()", "2025-12")).toBe("12");
    expect(calc("PREV_MONTH(MONTHS_ELAPSED())", "2025-01")).toBe("12");
  });

  it("measures budget execution against time progress", () => {
    expect(calc("TIME_PROGRESS()", "2025-03")).toBe("0.25");
    expect(calc("TIME_PROGRESS()", "2025-06")).toBe("0.5");
    expect(calc("TIME_PROGRESS()", "2025-12")).toBe("1");
    expect(calc("RATIO(FE01, BG01) / TIME_PROGRESS()", "2025-06", data)).toBe("0.9"); // 450 ÷ 1000 ÷ 0.5
    expect(calc("RATIO(FE01, BG01) / TIME_PROGRESS()", "2025-03", data)).toBeNull();
  });

  it("re-creates foreign decimals at 40 digits and treats NaN or Infinity from the data as missing", () => {
    const foreign: EvalContext = { period: "2025-03", scheme: "TOTAL", value: () => new DecimalJs(1) };
    const third = parseFormula("FI03 / 3");
    if (!third.ok) throw new Error();
    expect(evaluate(third.ast, foreign)?.toString()).toBe(`0.${"3".repeat(40)}`);
    const nan: EvalContext = { period: "2025-03", scheme: "TOTAL", value: () => new DecimalJs(NaN) };
    const inf: EvalContext = { period: "2025-03", scheme: "TOTAL", value: () => new DecimalJs(Infinity) };
    expect(evaluate(third.ast, nan)).toBeNull();
    expect(evaluate(third.ast, inf)).toBeNull();
  });
});

describe("evaluateWithTrace", () => {
  const data: Data = { "FI03|TOTAL|2025-03": "105", "FI03|TOTAL|2024-03": "100", "FI03|EMPLOYEE|2025-03": "60" };
  const trace = (formula: string) => {
    const r = parseFormula(formula);
    if (!r.ok) throw new Error(r.error.message);
    const t = evaluateWithTrace(r.ast, context("2025-03", data));
    return { value: t.value?.toString() ?? null, inputs: t.inputs.map((i) => ({ ...i, value: i.value?.toString() ?? null })) };
  };

  it("lists every distinct input read, with its period and scheme, in first-read order", () => {
    expect(trace("YOY(FI03) * 100 + FI03.EMPLOYEE + FI03")).toEqual({
      value: "170", // 0.05 × 100 + 60 + 105
      inputs: [
        { code: "FI03", scheme: "TOTAL", period: "2025-03", value: "105" },
        { code: "FI03", scheme: "TOTAL", period: "2024-03", value: "100" },
        { code: "FI03", scheme: "EMPLOYEE", period: "2025-03", value: "60" },
      ],
    });
  });

  it("still lists the inputs after one is missing, so the lineage card shows which", () => {
    expect(trace("XX01 + FI03 + PREV_MONTH(FI03)")).toEqual({
      value: null,
      inputs: [
        { code: "XX01", scheme: "TOTAL", period: "2025-03", value: null },
        { code: "FI03", scheme: "TOTAL", period: "2025-03", value: "105" },
        { code: "FI03", scheme: "TOTAL", period: "2025-02", value: null },
      ],
    });
  });

  it("has no inputs for a formula of constants, and agrees with evaluate", () => {
    expect(trace("MONTHS_ELAPSED() * 2")).toEqual({ value: "6", inputs: [] });
  });
});
