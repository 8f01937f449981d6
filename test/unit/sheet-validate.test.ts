import { describe, expect, it } from "vitest";
import type { IndicatorDef, Scheme } from "@/app/_domain/catalogue";
import type { RawCell } from "@/app/_domain/sheets/types";
import { type ValidateSheetInput, cellKey, validateSheet } from "@/app/_domain/sheets/validate-sheet";
import { INSTITUTIONS, SLICE, TINY } from "../helpers/sheet-catalogue";

const H1 = INSTITUTIONS[0].code;
const H2 = INSTITUTIONS[1].code;
const NOW = new Date("2025-07-10T09:00:00+08:00");

let line = 1;
const c = (indicatorCode: string, scheme: Scheme, raw: string, institutionCode: string | null = null): RawCell => ({
  indicatorCode,
  scheme,
  institutionCode,
  raw,
  location: `第 ${++line} 行`,
});
const prev = (entries: [string, Scheme, string | null, string | null][]) =>
  new Map(entries.map(([code, scheme, inst, v]) => [cellKey(code, scheme, inst), v]));

function run(catalogue: IndicatorDef[], cells: RawCell[], over: Partial<ValidateSheetInput> = {}) {
  return validateSheet({
    catalogue,
    regionCode: "340100",
    period: "2025-06",
    expectedRegionCode: "340100",
    institutions: INSTITUTIONS,
    cells,
    now: NOW,
    ...over,
  });
}
const rules = (r: ReturnType<typeof run>, severity: "errors" | "warnings") => r.report[severity].map((i) => i.rule);
const only = (r: ReturnType<typeof run>, rule: string) => [...r.report.errors, ...r.report.warnings].filter((i) => i.rule === rule);

/** A complete, consistent SV01 + IN01 sheet, so that the generic rules can be tested one at a time. */
const complete = () => [
  c("SV01", "EMPLOYEE", "100"),
  c("SV01", "RESIDENT", "50"),
  c("SV01", "TOTAL", "150"),
  ...INSTITUTIONS.flatMap((i) => [
    c("IN01", "EMPLOYEE", "10", i.code),
    c("IN01", "RESIDENT", "5", i.code),
    c("IN01", "TOTAL", "15", i.code),
  ]),
];

describe.each([
  ["the tiny catalogue", TINY],
  ["a 2-indicator slice", SLICE],
])("validateSheet with %s", (_, catalogue) => {
  const slice = catalogue === SLICE;
  const noMissing = (r: ReturnType<typeof run>) => r.report.warnings.filter((w) => w.rule !== "missing.required");

  it("accepts a consistent sheet and returns canonical values", () => {
    const r = run(catalogue, complete());
    expect(r.report.errors).toEqual([]);
    expect(noMissing(r)).toEqual([]);
    expect(r.values[0]).toEqual({ indicatorCode: "SV01", scheme: "EMPLOYEE", institutionCode: null, value: "100" });
    expect(r.report.counts).toEqual({ cells: 12, values: 12, missing: 0 });
    if (slice) expect(r.report.warnings).toEqual([]);
  });

  it("rejects another region's file and a missing region code", () => {
    const r = run(catalogue, complete(), { regionCode: "340200" });
    expect(r.report.errors).toEqual([
      {
        severity: "ERROR",
        rule: "region.mismatch",
        location: "全表",
        message: "文件的统筹区编码为 340200，不是您所属的统筹区（340100），只能上传本统筹区的数据。",
      },
    ]);
    expect(rules(run(catalogue, complete(), { regionCode: null }), "errors")).toEqual(["region.missing"]);
  });

  it("rejects a malformed period and a period in the future (Asia/Shanghai)", () => {
    for (const period of ["2025-13", "2025-6", "25-06", "", null, "1899-01"])
      expect(rules(run(catalogue, complete(), { period }), "errors"), String(period)).toEqual(["period.malformed"]);
    // 2025-06-30 23:30 in Shanghai: July is still the future; half an hour later it is the current month.
    const future = run(catalogue, complete(), { period: "2025-07", now: new Date("2025-06-30T15:30:00Z") });
    expect(future.report.errors[0]).toMatchObject({ rule: "period.future" });
    expect(future.report.errors[0].message).toContain("2025年7月 晚于当前月份（2025年6月）");
    expect(run(catalogue, complete(), { period: "2025-07", now: new Date("2025-06-30T16:30:00Z") }).report.errors).toEqual([]);
  });

  it("rejects unknown indicator codes, hinting at a case slip", () => {
    const r = run(catalogue, [...complete(), c("XX99", "TOTAL", "1"), c("sv01", "TOTAL", "1")]);
    expect(r.report.errors.map((e) => e.message)).toEqual([
      "指标编码“XX99”不在本统筹区的指标目录中。",
      "指标编码“sv01”不在本统筹区的指标目录中，是否应为 SV01（就诊人次）？",
    ]);
    expect(rules(r, "errors")).toEqual(["indicator.unknown", "indicator.unknown"]);
  });

  it("rejects a region-level value with an institution, and an institution-level value without one", () => {
    const r = run(catalogue, [...complete().slice(1), c("SV01", "EMPLOYEE", "100", H1), c("IN01", "TOTAL", "3")]);
    expect(rules(r, "errors")).toEqual(["scope.region-with-institution", "scope.institution-missing"]);
    expect(r.report.errors[0].message).toBe("SV01 就诊人次 是统筹区级指标，不应填写机构编码（H34010000001）。");
  });

  it("rejects an institution outside the region without saying where it belongs", () => {
    const r = run(catalogue, [...complete(), c("IN01", "TOTAL", "3", "H34020000001")]);
    expect(r.report.errors).toEqual([
      expect.objectContaining({
        rule: "institution.not-in-region",
        institutionCode: "H34020000001",
        message: "机构编码 H34020000001 不属于本统筹区。",
      }),
    ]);
  });

  it("rejects duplicate cells, naming the first location", () => {
    const cells = complete();
    const r = run(catalogue, [...cells, { ...cells[0], raw: "101", location: "第 99 行" }]);
    expect(r.report.errors).toEqual([
      expect.objectContaining({
        rule: "cell.duplicate",
        location: "第 99 行",
        message: `SV01 就诊人次（职工） 重复填报，与 ${cells[0].location} 重复。`,
      }),
    ]);
    expect(r.values.filter((v) => v.indicatorCode === "SV01" && v.scheme === "EMPLOYEE")).toEqual([
      { indicatorCode: "SV01", scheme: "EMPLOYEE", institutionCode: null, value: "100" },
    ]);
  });

  it("rejects values that are not numbers, with parseSheetValue's message", () => {
    const cells = complete();
    cells[0] = { ...cells[0], raw: "12,3O4" };
    cells[3] = { ...cells[3], raw: "l0" };
    const r = run(catalogue, cells);
    expect(r.report.errors.map((e) => [e.rule, e.message])).toEqual([
      ["value.not-a-number", "SV01 就诊人次（职工）：“12,3O4”不是数字：第 5 个字符是字母 O，是否应为数字 0？"],
      [
        "value.not-a-number",
        "IN01 出院人次（职工，机构 H34010000001 合肥市第一人民医院）：“l0”不是数字：第 1 个字符是字母 l，是否应为数字 1？",
      ],
    ]);
  });

  it("rejects negative values of an indicator whose minimum is ≥ 0", () => {
    const cells = complete();
    cells[4] = { ...cells[4], raw: "-5" };
    const r = run(catalogue, cells);
    expect(r.report.errors).toEqual([
      expect.objectContaining({ rule: "value.negative", location: cells[4].location, scheme: "RESIDENT", institutionCode: H1 }),
    ]);
    expect(r.report.errors[0].message).toContain("数值 -5 为负数");
  });

  it("rejects TOTAL ≠ EMPLOYEE + RESIDENT beyond the tolerance, with the three numbers and the difference", () => {
    const cells = complete();
    cells[2] = { ...cells[2], raw: "150.005" };
    expect(run(catalogue, cells).report.errors).toEqual([]);
    cells[2] = { ...cells[2], raw: "1,150.5" };
    const r = run(catalogue, cells);
    expect(r.report.errors).toEqual([
      {
        severity: "ERROR",
        rule: "identity.total",
        location: cells[2].location,
        indicatorCode: "SV01",
        scheme: "TOTAL",
        message: "SV01 就诊人次（合计）：合计 1,150.5 不等于 职工 100 + 居民 50 = 150，相差 1,000.5（允许误差 ±0.01）。",
      },
    ]);
    // Per institution too, and only when all three are given.
    const inst = complete();
    inst[5] = { ...inst[5], raw: "16" };
    inst[6] = { ...inst[6], raw: "" };
    const ri = run(catalogue, inst);
    expect(ri.report.errors.map((e) => [e.rule, e.institutionCode])).toEqual([["identity.total", H1]]);
    expect(run(catalogue, inst, { tolerance: "1" }).report.errors).toEqual([]);
  });

  it("warns when a year-to-date value falls below last month's", () => {
    const r = run(catalogue, complete(), { previous: { sameYearPrevMonth: prev([["SV01", "EMPLOYEE", null, "120"]]) } });
    expect(noMissing(r)).toEqual([
      expect.objectContaining({ severity: "WARNING", rule: "cross.ytd-decrease", indicatorCode: "SV01", scheme: "EMPLOYEE" }),
    ]);
    expect(noMissing(r)[0].message).toBe(
      "SV01 就诊人次（职工）：本年累计 100 低于上月的本年累计 120，本年累计数一般不会减少，请核实是否有冲减或填错。",
    );
  });

  it("warns when the month value changes more than the threshold against last month's", () => {
    // June − May against May − April. SV01 職工: 100 − 60 = 40 against 60 − 40 = 20 → +100 %.
    // SV01 居民: April unknown → no comparison. IN01 H1 合计: 15 − 10 = 5 against 10 − 8 = 2 → +150 %.
    // IN01 H2 合计: 15 − 10 = 5 against 10 − 6 = 4 → +25 %, under the threshold.
    const previous = {
      sameYearPrevMonth: prev([
        ["SV01", "EMPLOYEE", null, "60"],
        ["SV01", "RESIDENT", null, "20"],
        ["IN01", "TOTAL", H1, "10"],
        ["IN01", "TOTAL", H2, "10"],
      ]),
      monthBeforePrev: prev([
        ["SV01", "EMPLOYEE", null, "40"],
        ["SV01", "RESIDENT", null, null],
        ["IN01", "TOTAL", H1, "8"],
        ["IN01", "TOTAL", H2, "6"],
      ]),
    };
    // Small numbers on purpose: the minimum base (default 10) is switched off here and tested below.
    const r = run(catalogue, complete(), { previous, momMinBase: "0" });
    const mom = only(r, "cross.mom-change");
    expect(mom.map((w) => [w.severity, w.indicatorCode, w.scheme, w.institutionCode])).toEqual([
      ["WARNING", "SV01", "EMPLOYEE", undefined],
      ["WARNING", "IN01", "TOTAL", H1],
    ]);
    expect(mom[0].message).toBe(
      "SV01 就诊人次（职工）：本月发生额 40（本年累计之差）比上月 20 增加 100.0%，超过 ±50.0% 的提示阈值，请核实。",
    );
    expect(r.report.errors).toEqual([]);
    expect(only(run(catalogue, complete(), { previous, momThreshold: 1.5, momMinBase: "0" }), "cross.mom-change")).toEqual([]);
  });

  it("counts missing required inputs in one warning per indicator", () => {
    const cells = complete().filter((x) => !(x.indicatorCode === "IN01" && x.institutionCode !== H1 && x.scheme !== "TOTAL"));
    cells[0] = { ...cells[0], raw: "—" };
    const r = run(catalogue, cells);
    const missing = only(r, "missing.required");
    expect(missing.map((m) => m.message)).toEqual(
      expect.arrayContaining([
        "国家底稿必选指标 SV01 就诊人次 缺少数值：职工。",
        "国家底稿必选指标 IN01 出院人次 有 4 个机构数值未填（职工 2 家、居民 2 家；本统筹区共 3 家机构）。",
      ]),
    );
    expect(missing.filter((m) => m.indicatorCode === "IN01")).toHaveLength(1);
    expect(r.report.counts.missing).toBe(1);
  });
});

describe("validateSheet rules that need more of the catalogue", () => {
  const sheet = (cells: RawCell[], over: Partial<ValidateSheetInput> = {}) => run(TINY, cells, over);

  it("rejects derived indicators and schemes an indicator does not have", () => {
    const r = sheet([c("FI05", "TOTAL", "10"), c("FI03", "RESIDENT", "10"), c("IN02", "EMPLOYEE", "10", H1)]);
    expect(r.report.errors.map((e) => [e.rule, e.message])).toEqual([
      ["indicator.derived", "FI05 基本医保统筹基金收入合计 是计算指标（FI03 + FI04），由平台根据其他指标计算，请勿填报。"],
      ["scheme.not-applicable", "FI03 职工医保统筹基金收入 只有 职工 口径，不应填写“居民”。"],
      ["scheme.not-applicable", "IN02 次均住院费用 只有 合计 口径，不应填写“职工”。"],
    ]);
    expect(r.values).toEqual([]);
  });

  it("rejects values outside the indicator's bounds, and allows negatives where no minimum is set", () => {
    const r = sheet([c("SV02", "TOTAL", "100.5"), c("IN02", "TOTAL", "2000000", H1), c("FB03", "EMPLOYEE", "-20")]);
    expect(r.report.errors.map((e) => [e.rule, e.indicatorCode])).toEqual([
      ["value.out-of-range", "SV02"],
      ["value.out-of-range", "IN02"],
    ]);
    expect(r.report.errors[0].message).toBe("SV02 住院率（合计）：数值 100.5 超出合理范围（0 至 100 %）。");
  });

  it("does not add up RATE indicators across schemes", () => {
    const r = sheet([c("SV02", "EMPLOYEE", "10"), c("SV02", "RESIDENT", "20"), c("SV02", "TOTAL", "15")]);
    expect(r.report.errors).toEqual([]);
  });

  it("checks that the cumulative balance rolls forward from the previous December", () => {
    const flows = [c("FI03", "EMPLOYEE", "500"), c("FE01", "EMPLOYEE", "300"), c("FI04", "RESIDENT", "900"), c("FE02", "RESIDENT", "400")];
    const previous = {
      prevDecember: prev([
        ["FB03", "EMPLOYEE", null, "1000"],
        ["FB04", "RESIDENT", null, "2000"],
      ]),
    };
    expect(sheet([...flows, c("FB03", "EMPLOYEE", "1200"), c("FB04", "RESIDENT", "2500.004")], { previous }).report.errors).toEqual([]);
    const bad = c("FB03", "EMPLOYEE", "1250");
    const r = sheet([...flows, bad, c("FB04", "RESIDENT", "2400")], { previous });
    expect(r.report.errors.map((e) => [e.rule, e.indicatorCode, e.location])).toEqual([
      ["cross.rolling-balance", "FB03", bad.location],
      ["cross.rolling-balance", "FB04", expect.any(String)],
    ]);
    expect(r.report.errors[0].message).toBe(
      "FB03 职工医保统筹基金累计结余（职工）：累计结余 1,250 不等于 上年末累计结余 1,000 + 本年累计（FI03 职工医保统筹基金收入 500 − FE01 职工医保统筹基金支出 300）= 1,200，相差 50（允许误差 ±0.01，由部署配置 LIANGDI_BALANCE_TOLERANCE 设定）。若差额来自上解、下拨等调剂资金转移，请将其计入对应的收入或支出后重新上传。",
    );
    // Only when every input is there.
    expect(sheet([...flows, bad]).report.errors).toEqual([]);
    expect(sheet([flows[0], bad], { previous }).report.errors).toEqual([]);
  });

  it("warns on a negative employee balance in June, but not on a resident one before Q4", () => {
    const june = sheet([
      c("FI03", "EMPLOYEE", "100"),
      c("FE01", "EMPLOYEE", "150"),
      c("FI04", "RESIDENT", "100"),
      c("FE02", "RESIDENT", "150"),
    ]);
    const neg = only(june, "cross.negative-balance");
    expect(neg.map((w) => [w.severity, w.scheme])).toEqual([["WARNING", "EMPLOYEE"]]);
    expect(neg[0].message).toBe(
      "职工医保本年累计当期结余为负：FI03 职工医保统筹基金收入 100 − FE01 职工医保统筹基金支出 150 = -50。请核实收入和支出是否填报完整。",
    );
    const october = sheet([c("FI04", "RESIDENT", "100"), c("FE02", "RESIDENT", "150")], {
      period: "2025-10",
      now: new Date("2025-11-05T00:00:00+08:00"),
    });
    expect(only(october, "cross.negative-balance").map((w) => w.scheme)).toEqual(["RESIDENT"]);
    expect(only(october, "cross.negative-balance")[0].message).toContain("第四季度居民医保缴费应已基本到账");
    const september = sheet([c("FI04", "RESIDENT", "100"), c("FE02", "RESIDENT", "150")], { period: "2025-09" });
    expect(only(september, "cross.negative-balance")).toEqual([]);
  });

  it("compares January's month value with the previous December's, and February's with January's ytd", () => {
    const jan = sheet([c("LC01", "TOTAL", "170")], {
      period: "2025-01",
      previous: { prevDecember: prev([["LC01", "TOTAL", null, "1200"]]), monthBeforePrev: prev([["LC01", "TOTAL", null, "1100"]]) },
    });
    expect(only(jan, "cross.mom-change")[0].message).toContain("本月发生额 170（本年累计之差）比上月 100 增加 70.0%");
    expect(only(jan, "cross.ytd-decrease")).toEqual([]);
    const feb = (ytd: string) =>
      sheet([c("LC01", "TOTAL", ytd)], { period: "2025-02", previous: { sameYearPrevMonth: prev([["LC01", "TOTAL", null, "100"]]) } });
    expect(only(feb("250"), "cross.mom-change")).toEqual([]);
    expect(only(feb("260"), "cross.mom-change")).toHaveLength(1);
    expect(only(feb("60"), "cross.ytd-decrease")).toHaveLength(1);
    // A previous month of zero gives no ratio: no warning.
    expect(
      only(
        sheet([c("LC01", "TOTAL", "5")], { period: "2025-02", previous: { sameYearPrevMonth: prev([["LC01", "TOTAL", null, "0"]]) } }),
        "cross.mom-change",
      ),
    ).toEqual([]);
  });

  it("does not warn about a month-on-month jump between two small months (the minimum base, configurable)", () => {
    // February's month 1 against January's 3: −66.7 %, but both below the default base of 10 → no warning
    const small = (ytd: string, momMinBase?: string) =>
      sheet([c("LC01", "TOTAL", ytd)], {
        period: "2025-02",
        momMinBase,
        previous: { sameYearPrevMonth: prev([["LC01", "TOTAL", null, "3"]]) },
      });
    expect(only(small("4"), "cross.mom-change")).toEqual([]);
    // With a base of 1 (configuration) it is a warning again; and 3 → 13 (one month ≥ 10) always is
    expect(only(small("4", "1"), "cross.mom-change")).toHaveLength(1);
    expect(only(small("16"), "cross.mom-change")).toHaveLength(1);
  });

  it("asks for quarterly required inputs only at quarter end, and never for local ones", () => {
    const codes = (period: string) =>
      only(sheet([], { period, now: new Date("2025-12-31T00:00:00+08:00") }), "missing.required").map((w) => w.indicatorCode);
    expect(codes("2025-05")).not.toContain("SC01");
    expect(codes("2025-06")).toContain("SC01");
    expect(codes("2025-06")).not.toContain("LC01");
    expect(codes("2025-06")).not.toContain("FI05");
    expect(codes("2025-06")).toEqual(["FI01", "FI03", "FI04", "FE01", "FE02", "FB03", "FB04", "SV01", "SV02", "SC01", "IN01"]);
  });

  it("skips the period-dependent rules when the period is unusable, but still checks the cells", () => {
    const r = sheet([c("FI03", "EMPLOYEE", "x")], { period: "2030-01" });
    expect(rules(r, "errors")).toEqual(["period.future", "value.not-a-number"]);
    expect(r.report.warnings).toEqual([]);
  });

  it("validates 5,000 institutions × 20 indicators quickly", () => {
    const in01 = TINY.find((x) => x.code === "IN01")!;
    const indicators = Array.from({ length: 20 }, (_, i) => ({ ...in01, code: `IN${String(i + 1).padStart(2, "0")}` }));
    const institutions = Array.from({ length: 5000 }, (_, i) => ({ code: `H3401${String(i).padStart(7, "0")}`, name: `医院${i}` }));
    const cells: RawCell[] = [];
    for (const inst of institutions)
      for (const ind of indicators)
        cells.push(
          { indicatorCode: ind.code, scheme: "EMPLOYEE", institutionCode: inst.code, raw: "1,200.5", location: "x" },
          { indicatorCode: ind.code, scheme: "RESIDENT", institutionCode: inst.code, raw: "800", location: "x" },
          { indicatorCode: ind.code, scheme: "TOTAL", institutionCode: inst.code, raw: "2000.5", location: "x" },
        );
    const previous = { sameYearPrevMonth: new Map(cells.map((x) => [cellKey(x.indicatorCode, x.scheme, x.institutionCode), "100"])) };
    const t = performance.now();
    const r = validateSheet({
      catalogue: indicators,
      regionCode: "340100",
      period: "2025-06",
      expectedRegionCode: "340100",
      institutions,
      cells,
      previous,
      now: NOW,
    });
    const ms = performance.now() - t;
    console.log(`validateSheet: ${cells.length} cells in ${ms.toFixed(0)} ms`);
    expect(r.report.errors).toEqual([]);
    expect(r.values).toHaveLength(300_000);
  }, 60_000);
});
