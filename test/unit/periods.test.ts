import { describe, expect, it } from "vitest";
import {
  addMonths,
  comparePeriods,
  currentPeriod,
  isFuturePeriod,
  isPeriod,
  isQuarterEnd,
  makePeriod,
  monthLabel,
  monthsElapsed,
  parsePeriod,
  previousDecember,
  previousMonth,
  quarterLabel,
  quarterMonths,
  quarterOf,
  sameMonthLastYear,
  shiftPeriod,
  yearMonth,
} from "@/app/_domain/periods";

describe("parsePeriod", () => {
  it.each([
    ["2025-03", "2025-03"],
    [" 2025-03 ", "2025-03"],
    ["2025-3", "2025-03"],
    ["2025/03", "2025-03"],
    ["2025.3", "2025-03"],
    ["202503", "2025-03"],
    ["2025年3月", "2025-03"],
    ["2025 年 12 月", "2025-12"],
    ["２０２５－０３", "2025-03"],
  ])("reads %j as %s", (text, period) => {
    expect(parsePeriod(text)).toEqual({ ok: true, period, year: Number(period.slice(0, 4)), month: Number(period.slice(5)) });
  });

  it.each([
    ["", "期间不能为空"],
    ["   ", "期间不能为空"],
    ["2025", "期间“2025”格式不正确，应为 YYYY-MM（如 2025-03）"],
    ["25-03", "期间“25-03”格式不正确，应为 YYYY-MM（如 2025-03）"],
    ["2025-03-01", "期间“2025-03-01”格式不正确，应为 YYYY-MM（如 2025-03）"],
    ["March 2025", "期间“March 2025”格式不正确，应为 YYYY-MM（如 2025-03）"],
    ["2025-13", "期间“2025-13”的月份应在 1–12 之间"],
    ["2025-00", "期间“2025-00”的月份应在 1–12 之间"],
    ["1989-12", "期间“1989-12”的年份应在 1990–2099 之间"],
    ["2205-01", "期间“2205-01”的年份应在 1990–2099 之间"],
  ])("rejects %j with a Chinese message", (text, message) => {
    expect(parsePeriod(text)).toEqual({ ok: false, message });
  });
});

describe("isPeriod and yearMonth", () => {
  it("accept only the canonical form", () => {
    expect(isPeriod("2025-03")).toBe(true);
    expect(isPeriod("2025-3")).toBe(false);
    expect(isPeriod("2025-13")).toBe(false);
    expect(isPeriod(202503)).toBe(false);
    expect(yearMonth("2025-03")).toEqual({ year: 2025, month: 3 });
    expect(() => yearMonth("2025/03")).toThrow("无效的期间“2025/03”");
  });

  it("makePeriod rolls months over years", () => {
    expect(makePeriod(2025, 1)).toBe("2025-01");
    expect(makePeriod(2025, 13)).toBe("2026-01");
    expect(makePeriod(2025, 0)).toBe("2024-12");
    expect(makePeriod(2025, -11)).toBe("2024-01");
  });
});

describe("period arithmetic", () => {
  it("compares chronologically", () => {
    expect(comparePeriods("2024-12", "2025-01")).toBe(-1);
    expect(comparePeriods("2025-01", "2025-01")).toBe(0);
    expect(comparePeriods("2025-10", "2025-09")).toBe(1);
    expect(["2025-10", "2024-12", "2025-02"].sort(comparePeriods)).toEqual(["2024-12", "2025-02", "2025-10"]);
  });

  it("adds and subtracts months across year ends", () => {
    expect(addMonths("2025-03", 0)).toBe("2025-03");
    expect(addMonths("2025-11", 2)).toBe("2026-01");
    expect(addMonths("2025-01", -1)).toBe("2024-12");
    expect(addMonths("2025-03", -27)).toBe("2022-12");
    expect(addMonths("2025-03", 24)).toBe("2027-03");
    expect(() => addMonths("2025-03", 1.5)).toThrow("月数必须是整数");
  });

  it("shifts by years and months", () => {
    expect(shiftPeriod("2025-03", { years: -1, months: 0 })).toBe("2024-03");
    expect(shiftPeriod("2025-01", { years: -1, months: -1 })).toBe("2023-12");
    expect(shiftPeriod("2025-03", { years: 0, months: 0 })).toBe("2025-03");
  });

  it("knows the previous month, the same month last year and the previous December", () => {
    expect(previousMonth("2025-03")).toBe("2025-02");
    expect(previousMonth("2025-01")).toBe("2024-12");
    expect(sameMonthLastYear("2025-02")).toBe("2024-02");
    expect(previousDecember("2025-01")).toBe("2024-12");
    expect(previousDecember("2025-12")).toBe("2024-12");
  });

  it("works on old years that parsePeriod would call implausible", () => {
    expect(addMonths("1990-01", -1)).toBe("1989-12");
    expect(previousMonth("1989-12")).toBe("1989-11");
  });
});

describe("quarters and labels", () => {
  it.each([
    ["2025-01", 1, false, "2025年第一季度", ["2025-01", "2025-02", "2025-03"]],
    ["2025-03", 1, true, "2025年第一季度", ["2025-01", "2025-02", "2025-03"]],
    ["2025-04", 2, false, "2025年第二季度", ["2025-04", "2025-05", "2025-06"]],
    ["2025-06", 2, true, "2025年第二季度", ["2025-04", "2025-05", "2025-06"]],
    ["2025-08", 3, false, "2025年第三季度", ["2025-07", "2025-08", "2025-09"]],
    ["2025-12", 4, true, "2025年第四季度", ["2025-10", "2025-11", "2025-12"]],
  ] as const)("%s is in quarter %i (quarter end: %s)", (period, quarter, end, label, months) => {
    expect(quarterOf(period)).toBe(quarter);
    expect(isQuarterEnd(period)).toBe(end);
    expect(quarterLabel(period)).toBe(label);
    expect(quarterMonths(period)).toEqual(months);
  });

  it("labels months the Chinese statistical way and counts elapsed months from January = 1", () => {
    expect(monthLabel("2025-03")).toBe("2025年3月");
    expect(monthLabel("2025-11")).toBe("2025年11月");
    expect(monthsElapsed("2025-01")).toBe(1);
    expect(monthsElapsed("2025-03")).toBe(3);
    expect(monthsElapsed("2025-12")).toBe(12);
  });
});

describe("current period in Asia/Shanghai", () => {
  it("turns the month at midnight Beijing time, not at midnight UTC", () => {
    expect(currentPeriod(new Date("2025-03-31T15:59:59.999Z"))).toBe("2025-03");
    expect(currentPeriod(new Date("2025-03-31T16:00:00.000Z"))).toBe("2025-04");
    expect(currentPeriod(new Date("2024-12-31T16:00:00.000Z"))).toBe("2025-01");
    expect(currentPeriod(new Date("2025-06-15T00:00:00+08:00"))).toBe("2025-06");
    expect(() => currentPeriod(new Date("nonsense"))).toThrow("无效的日期");
  });

  it("calls only later months the future", () => {
    const now = new Date("2025-03-31T16:30:00Z"); // 2025-04-01 00:30 in Beijing
    expect(isFuturePeriod("2025-05", now)).toBe(true);
    expect(isFuturePeriod("2025-04", now)).toBe(false);
    expect(isFuturePeriod("2025-03", now)).toBe(false);
    expect(isFuturePeriod("2026-01", now)).toBe(true);
  });
});
