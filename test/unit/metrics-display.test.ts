import { describe, expect, it } from "vitest";
import { formatChange, formatGrowth, formatMetric, formatPoints, inYi } from "@/app/_domain/metrics/display";

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

describe("percentage points (docs/metrics.md)", () => {
  it("write a change of a %-unit indicator as ±x.xx个百分点, never as a relative change", () => {
    expect(formatPoints("0.3456")).toBe("+0.35个百分点");
    expect(formatPoints("-1.2")).toBe("-1.20个百分点");
    expect(formatPoints("-0.004")).toBe("0.00个百分点");
    expect(formatPoints(null)).toBe("—");
    // IN09 12.3456 % against 12 %: +0.35 个百分点, not +2.88 %
    expect(formatChange("%", "0.0288", "0.3456")).toBe("+0.35个百分点");
    expect(formatChange("万元", "0.0288", "0.3456")).toBe("+2.88%");
    // A growth-rate indicator (FI06, unit %) whose yoy would be a ratio of growth rates: points only.
    expect(formatChange("%", "-1.5", null)).toBe("—");
  });
});
