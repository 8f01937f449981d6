import { describe, expect, it } from "vitest";
import type { Scheme } from "@/app/_domain/catalogue";
import { dateSerialText, percentAsFraction } from "@/app/_domain/sheets/typing-slips";
import { toMicro } from "@/app/_domain/sheets/sheet-decimal";
import type { RawCell, SheetIssue } from "@/app/_domain/sheets/types";
import { type ValidateSheetInput, cellKey, validateSheet } from "@/app/_domain/sheets/validate-sheet";
import { INSTITUTIONS, indicator } from "../helpers/sheet-catalogue";

/** A %-unit rate (like PM06 医保结算清单上传率), one with a lower bound above 1, and a stock. */
const RATE = indicator("PM06", {
  nameZh: "医保结算清单上传率",
  unit: "%",
  basis: "RATE",
  schemes: ["TOTAL"],
  maxValue: "100",
  tag: "LOCAL",
});
const HIGH = indicator("PM09", {
  nameZh: "某达标率",
  unit: "%",
  basis: "RATE",
  schemes: ["TOTAL"],
  minValue: "60",
  maxValue: "100",
  tag: "LOCAL",
});
const STOCK = indicator("FI01", { nameZh: "职工医保参保人数", unit: "人", basis: "STOCK", schemes: ["EMPLOYEE"], tag: "LOCAL" });
const CATALOGUE = [RATE, HIGH, STOCK];

const cell = (indicatorCode: string, scheme: Scheme, raw: string, location: string): RawCell => ({
  indicatorCode,
  scheme,
  institutionCode: null,
  raw,
  location,
});
const lastMonth = (values: Record<string, string>) =>
  new Map(Object.entries(values).map(([k, v]) => [cellKey(k.split("|")[0], k.split("|")[1] as Scheme, null), v]));
function run(cells: RawCell[], over: Partial<ValidateSheetInput> = {}) {
  return validateSheet({
    catalogue: CATALOGUE,
    regionCode: "340100",
    period: "2026-11",
    expectedRegionCode: "340100",
    institutions: INSTITUTIONS,
    cells,
    now: new Date("2026-12-05T09:00:00+08:00"),
    ...over,
  }).report;
}
const brief = (issues: SheetIssue[]) => issues.map((i) => `${i.rule} ${i.location}`);

describe("percentAsFraction: a percentage typed with its sign", () => {
  const m = (s: string) => toMicro(s);
  it("flags a %-unit value in (0, 1] when the previous value or the lower bound is above 1", () => {
    expect(percentAsFraction("%", m("0.9828"), m("97.5"), null)).toBe("疑似按小数填写：98.28% 应填 98.28");
    expect(percentAsFraction("%", m("1"), m("99"), null)).toBe("疑似按小数填写：100% 应填 100");
    expect(percentAsFraction("%", m("0.75"), null, m("60"))).toBe("疑似按小数填写：75% 应填 75");
  });
  it("stays quiet otherwise: a rate that really is below 1 %, zero, no evidence, another unit", () => {
    expect(percentAsFraction("%", m("0.8"), m("0.9"), null)).toBeNull(); // 14 天再入院率 0.9 % → 0.8 %
    expect(percentAsFraction("%", m("0"), m("97"), null)).toBeNull();
    expect(percentAsFraction("%", m("1.5"), m("97"), null)).toBeNull();
    expect(percentAsFraction("%", m("0.98"), null, m("0"))).toBeNull();
    expect(percentAsFraction("%", m("0.98"), null, null)).toBeNull();
    expect(percentAsFraction("指数", m("0.98"), m("1.2"), null)).toBeNull();
  });
});

describe("dateSerialText: the day number a date typed into a number cell becomes", () => {
  it("reads whole numbers of 2000–2099 as dates, nothing else", () => {
    expect(dateSerialText(toMicro("46356"))).toBe("2026-11-30");
    expect(dateSerialText(toMicro("36526"))).toBe("2000-01-01");
    expect(dateSerialText(toMicro("46356.5"))).toBeNull();
    expect(dateSerialText(toMicro("1000"))).toBeNull();
    expect(dateSerialText(toMicro("2500000"))).toBeNull();
  });
});

describe("validateSheet: rates and stocks month on month, percentages typed as fractions", () => {
  it("warns 疑似按小数填写 with last month's accepted value, instead of a −99 % change", () => {
    const previous = { sameYearPrevMonth: lastMonth({ "PM06|TOTAL": "97.5", "FI01|EMPLOYEE": "2500000" }) };
    const r = run([cell("PM06", "TOTAL", "0.9828", "区域表!G22"), cell("FI01", "EMPLOYEE", "2510000", "区域表!E3")], { previous });
    expect(r.errors).toEqual([]);
    expect(brief(r.warnings)).toEqual(["value.percent-as-fraction 区域表!G22"]);
    expect(r.warnings[0].message).toBe(
      "PM06 医保结算清单上传率（合计）：疑似按小数填写：98.28% 应填 98.28（数值 0.9828，上月为 97.5；单位是 %，填百分号前的数字）。",
    );
  });

  it("uses December's value in January, and says nothing without a previous value", () => {
    const prevDecember = lastMonth({ "PM06|TOTAL": "96" });
    expect(brief(run([cell("PM06", "TOTAL", "0.96", "G22")], { period: "2026-01", previous: { prevDecember } }).warnings)).toEqual([
      "value.percent-as-fraction G22",
    ]);
    expect(run([cell("PM06", "TOTAL", "0.96", "G22")], { previous: {} }).warnings).toEqual([]);
  });

  it("adds the hint to the out-of-range error when the catalogue's lower bound is above 1", () => {
    const r = run([cell("PM09", "TOTAL", "0.75", "区域表!G30")]);
    expect(brief(r.errors)).toEqual(["value.out-of-range 区域表!G30"]);
    expect(r.errors[0].message).toContain("超出合理范围（60 至 100 %）；疑似按小数填写：75% 应填 75。");
  });

  it("checks rates and stocks against last month: a jump warns, a small change does not", () => {
    const previous = { sameYearPrevMonth: lastMonth({ "PM06|TOTAL": "25", "FI01|EMPLOYEE": "2500000" }) };
    // A date typed into a number cell that kept its number format: 2026-11-30 is 46,356.
    const r = run([cell("PM06", "TOTAL", "40", "G22"), cell("FI01", "EMPLOYEE", "46356", "E3")], { previous });
    expect(brief(r.warnings)).toEqual(["cross.mom-change G22", "cross.mom-change E3"]);
    expect(r.warnings[0].message).toBe("PM06 医保结算清单上传率（合计）：本期数 40 比上月 25 增加 60.0%，超过 ±50.0% 的提示阈值，请核实。");
    expect(r.warnings[1].message).toContain(
      "月末数 46,356 比上月 2,500,000 减少 98.1%，超过 ±50.0% 的提示阈值，请核实；若误把日期 2026-11-30 填进了数值单元格，请改为数值。",
    );
    // Where last month's figure is of that size too, a change is no date slip.
    const small = { sameYearPrevMonth: lastMonth({ "FI01|EMPLOYEE": "40000" }) };
    expect(run([cell("FI01", "EMPLOYEE", "46356", "E3")], { previous: small }).warnings).toEqual([]);
    expect(run([cell("FI01", "EMPLOYEE", "70000", "E3")], { previous: small }).warnings[0].message).not.toContain("日期");
    expect(run([cell("PM06", "TOTAL", "30", "G22"), cell("FI01", "EMPLOYEE", "2600000", "E3")], { previous }).warnings).toEqual([]);
  });

  it("does not compare two small rates or stocks: the minimum base (LIANGDI_MOM_MIN_BASE) applies as for flows", () => {
    // 8 % → 2 % and 3 → 1 person with both figures below the default base of 10: no warning
    const previous = { sameYearPrevMonth: lastMonth({ "PM06|TOTAL": "8", "FI01|EMPLOYEE": "3" }) };
    const cells = [cell("PM06", "TOTAL", "2", "G22"), cell("FI01", "EMPLOYEE", "1", "E3")];
    expect(run(cells, { previous }).warnings).toEqual([]);
    // With a base of 1 (configuration) both warn again; and 3 → 12 (one figure at or above the base) always does
    expect(brief(run(cells, { previous, momMinBase: "1" }).warnings)).toEqual(["cross.mom-change G22", "cross.mom-change E3"]);
    expect(brief(run([cell("FI01", "EMPLOYEE", "12", "E3")], { previous }).warnings)).toEqual(["cross.mom-change E3"]);
    // A decimal base is read exactly: 9.5 → 4 warns with a base of 9.5, not with 9.6
    const rate = (base: string) =>
      run([cell("PM06", "TOTAL", "4", "G22")], { previous: { sameYearPrevMonth: lastMonth({ "PM06|TOTAL": "9.5" }) }, momMinBase: base });
    expect(brief(rate("9.5").warnings)).toEqual(["cross.mom-change G22"]);
    expect(rate("9.6").warnings).toEqual([]);
  });
});

describe("validateSheet: one problem, one message", () => {
  const REQUIRED = indicator("FI03", { nameZh: "职工医保统筹基金收入", schemes: ["EMPLOYEE"] });
  const catalogue = [REQUIRED];
  const formula: SheetIssue = {
    severity: "ERROR",
    rule: "template.formula",
    location: "区域表!E5",
    indicatorCode: "FI03",
    scheme: "EMPLOYEE",
    message: "区域表!E5 含公式，请粘贴为数值（复制后“选择性粘贴 → 数值”）。",
  };

  it("does not also report a refused cell (formula, date, not a number, out of range) as a missing required value", () => {
    const missing = (r: ReturnType<typeof run>) => r.warnings.filter((w) => w.rule === "missing.required");
    expect(brief(run([], { catalogue, readIssues: [formula] }).errors)).toEqual(["template.formula 区域表!E5"]);
    expect(missing(run([], { catalogue, readIssues: [formula] }))).toEqual([]);
    expect(missing(run([cell("FI03", "EMPLOYEE", "12,3O4", "E5")], { catalogue }))).toEqual([]);
    expect(missing(run([cell("FI03", "EMPLOYEE", "-5", "E5")], { catalogue }))).toEqual([]);
    // A blank stays missing.
    expect(brief(missing(run([cell("FI03", "EMPLOYEE", "", "E5")], { catalogue })))).toEqual(["missing.required 全表"]);
  });

  it("says only that the file is of the wrong kind, without region, period or missing-value noise", () => {
    const header: SheetIssue = { severity: "ERROR", rule: "csv.header", location: "第 1 行", message: "表头不正确…" };
    const r = run([], { catalogue, regionCode: null, period: null, readIssues: [header] });
    expect(r).toEqual({ errors: [header], warnings: [], counts: { cells: 0, values: 0, missing: 0 } });
  });
});
