import { describe, expect, it } from "vitest";
import { beijingTime, groupDigits, monthStatusTags, monthsToShow, shortHash, signedDelta } from "@/app/_domain/sheets/display";
import { reportCsvText } from "@/app/_domain/sheets/report-csv";
import type { SheetReport } from "@/app/_domain/sheets/types";
import { canonicalNumericText } from "@/app/_server/sheets/sheet-values-store";

describe("sheet display helpers", () => {
  it("groups digits without rounding or touching the decimals", () => {
    expect(groupDigits("1234567.891234")).toBe("1,234,567.891234");
    expect(groupDigits("-1234")).toBe("-1,234");
    expect(groupDigits("999")).toBe("999");
    expect(groupDigits("0.000001")).toBe("0.000001");
    expect(groupDigits(null)).toBe("—");
    expect(groupDigits(undefined)).toBe("—");
  });

  it("writes times in Beijing time whatever the machine's zone", () => {
    expect(beijingTime("2025-03-31T16:05:00.000Z")).toBe("2025-04-01 00:05");
    expect(beijingTime(null)).toBe("—");
  });

  it("shortens a hash and computes exact signed differences", () => {
    expect(shortHash("a".repeat(8) + "b".repeat(48) + "c".repeat(8))).toBe("aaaaaaaa…cccccccc");
    expect(signedDelta("0.1", "0.3")).toBe("+0.2");
    expect(signedDelta("1000000", "999999.5")).toBe("-0.5");
    expect(signedDelta("12", "12")).toBe("0");
    expect(signedDelta(null, "1")).toBeNull();
  });

  it("says where a month stands", () => {
    const v = (status: "VALIDATED" | "ACCEPTED" | "REJECTED" | "SUPERSEDED") => ({ status });
    expect(monthStatusTags(undefined)).toEqual([{ label: "未上传", color: "default" }]);
    expect(monthStatusTags({ accepted: 2, pending: 0, versions: [v("ACCEPTED"), v("SUPERSEDED")] })).toEqual([
      { label: "已通过·第 2 版", color: "green" },
    ]);
    expect(monthStatusTags({ accepted: 1, pending: 1, versions: [v("VALIDATED"), v("ACCEPTED")] }).map((t) => t.label)).toEqual([
      "已通过·第 1 版",
      "待审核 1 个",
    ]);
    expect(monthStatusTags({ accepted: null, pending: 2, versions: [v("VALIDATED"), v("VALIDATED")] })).toEqual([
      { label: "待审核 2 个", color: "orange" },
    ]);
    expect(monthStatusTags({ accepted: null, pending: 0, versions: [v("REJECTED")] })).toEqual([{ label: "已退回", color: "red" }]);
  });

  it("lists at least a year of months back from the one due, stretched to every month with a sheet", () => {
    const months = monthsToShow([], "2025-03");
    expect(months).toHaveLength(12);
    expect(months[0]).toBe("2025-03");
    expect(months.at(-1)).toBe("2024-04");
    const wide = monthsToShow(["2023-01", "2025-04"], "2025-03");
    expect(wide[0]).toBe("2025-04");
    expect(wide.at(-1)).toBe("2023-01");
    expect(wide).toHaveLength(28);
  });
});

describe("reportCsvText", () => {
  const report: SheetReport = {
    errors: [
      {
        severity: "ERROR",
        rule: "value.not-a-number",
        location: "区域表!E4",
        indicatorCode: "FI03",
        scheme: "EMPLOYEE",
        message: "含有字母 O，是否应为数字 0？",
      },
    ],
    warnings: [
      {
        severity: "WARNING",
        rule: "missing.required",
        location: "全表",
        indicatorCode: "SV02",
        message: '=缺少数值, "合计"',
        explanation: "系统切换\n下月补报",
      } as never,
    ],
    counts: { cells: 2, values: 1, missing: 1 },
  };

  it("is a BOM, a header and one CRLF line per issue, errors first, explanations kept, formulas neutralised", () => {
    const text = reportCsvText(report);
    expect(text.startsWith("\uFEFF级别,位置,指标,险种,机构,问题,说明\r\n")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines[1]).toBe("错误,区域表!E4,FI03,职工,,含有字母 O，是否应为数字 0？,");
    expect(lines[2]).toBe(`提醒,全表,SV02,,,"'=缺少数值, ""合计""","系统切换\n下月补报"`);
    expect(lines).toHaveLength(4);
  });
});

describe("canonicalNumericText (stored numeric → canonical decimal string)", () => {
  it("drops trailing zeros and a bare point, and never gives -0", () => {
    expect(["1200.000000", "-0.500000", "0.000000", "-0.000000", "12.340000", "100", "-7"].map(canonicalNumericText)).toEqual([
      "1200",
      "-0.5",
      "0",
      "0",
      "12.34",
      "100",
      "-7",
    ]);
  });
});
