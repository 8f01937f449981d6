import { describe, expect, it } from "vitest";
import { formatGrowth, formatMetric, inYi } from "@/app/_domain/metrics/display";
import { quarterCell, quarterKind } from "@/app/_domain/metrics/quarter";

describe("metrics display", () => {
  it("writes values in their unit's habit, and missing values as —", () => {
    expect(formatMetric("1234567.891", "万元")).toBe("1,234,567.89");
    expect(formatMetric("12345.5", "人次")).toBe("12,346");
    expect(formatMetric("-0.004", "万元")).toBe("0.00");
    expect(formatMetric(null, "万元")).toBe("—");
    expect(formatGrowth("0.0523")).toBe("+5.23%");
    expect(formatGrowth("-0.031")).toBe("-3.10%");
    expect(formatGrowth("0.00001")).toBe("0.00%");
    expect(formatGrowth(null)).toBe("—");
    expect(inYi("123456.78", "万元")).toBe("12.35 亿元");
    expect(inYi("9999", "万元")).toBeNull();
  });
});

describe("quarter view", () => {
  const months: Record<string, string | null> = { "2024-10": "10", "2024-11": "20", "2024-12": "30", "2025-01": "5", "2025-02": "5.5", "2025-03": "4.5" };
  const ytd: Record<string, string | null> = { "2024-12": "200", "2025-03": "15" };
  const m = (p: string) => months[p] ?? null;
  const y = (p: string) => ytd[p] ?? null;

  it("sums a FLOW's months and compares with the previous quarter (Q1 with last year's Q4)", () => {
    expect(quarterCell({ basis: "FLOW", formula: null }, "2025-03", m, y)).toMatchObject({ kind: "SUM", value: "15", previous: "60", mom: "-0.75" });
    expect(quarterCell({ basis: "FLOW", formula: "FI03.EMPLOYEE + FI04.RESIDENT" }, "2025-03", m, y).kind).toBe("SUM");
  });

  it("takes a STOCK's quarter end, leaves non-linear derived indicators out, and never sums a partial quarter", () => {
    expect(quarterCell({ basis: "STOCK", formula: null }, "2025-03", m, y)).toMatchObject({ kind: "END", value: "15", previous: "200" });
    expect(quarterKind({ basis: "RATE", formula: "SV04 * 10000 / SV02" })).toBe("NONE");
    expect(quarterKind({ basis: "FLOW", formula: "PREV_YEAR(FI03) + FI03" })).toBe("NONE");
    expect(quarterKind({ basis: "FLOW", formula: "FI03 * 2 - FE01 / 4" })).toBe("SUM");
    expect(quarterCell({ basis: "FLOW", formula: null }, "2025-06", m, y)).toMatchObject({ value: null, mom: null });
  });
});
