import { type IndicatorDef, type Scheme, SCHEME_LABELS } from "../catalogue";
import { DEFAULT_MAX_ISSUES_PER_RULE, IssueList, WRONG_FILE_RULES } from "./issues";
import { checkLevels } from "./level-checks";
import { parseSheetValue } from "./parse-value";
import { dateSerialHint, percentAsFraction } from "./typing-slips";
import { CellIndex, checkCrossPeriod, checkIdentities, checkMissingRequired, type CheckContext } from "./sheet-checks";
import { fromMicro, toMicro, toMicroOrNull } from "./sheet-decimal";
import { periodLabel, periodParts, shanghaiMonth } from "./sheet-period";
import type { BalanceRule, PreviousValues, RawCell, SheetIssue, SheetReport, SheetValueRow } from "./types";

/**
 * Validates one region × month base sheet, cell by cell (docs/product.md §3–§5). ERRORs reject the whole file;
 * WARNINGs may be accepted with an explanation. Pure and linear in the number of cells: every lookup is a Map.
 */

/** The national sheet's pairs (docs/catalogue.md: FB01 = FI03 − FE01, FB03 rolls forward; likewise FB04). */
export const BALANCE_RULES: readonly BalanceRule[] = [
  { scheme: "EMPLOYEE", income: "FI03", expenditure: "FE01", balance: "FB03" },
  { scheme: "RESIDENT", income: "FI04", expenditure: "FE02", balance: "FB04" },
];

export const DEFAULT_TOLERANCE = "0.01";
export const DEFAULT_MOM_THRESHOLD = 0.5;
/** A month-on-month jump between two month values both below this (in the indicator's unit) is not news. */
export const DEFAULT_MOM_MIN_BASE = "10";

export interface ValidateSheetInput {
  /** The region's catalogue: national and local indicators, inputs and derived. */
  catalogue: readonly IndicatorDef[];
  /** As read from the file (CSV rows, template metadata or API body). */
  regionCode: string | null;
  period: string | null;
  /** The region of the uploader's session. */
  expectedRegionCode: string;
  /** The region's active institutions. */
  institutions: readonly { code: string; name: string }[];
  cells: readonly RawCell[];
  previous?: PreviousValues;
  now: Date;
  /** Absolute tolerance of the identities, in the indicator's unit (万元 for money). Default "0.01". */
  tolerance?: string;
  /** Month-on-month change that draws a warning, as a fraction. Default 0.5 (±50 %). */
  momThreshold?: number;
  /** No month-on-month warning when both month values are below this in absolute value (3 → 1 cases). Default "10". */
  momMinBase?: string;
  /** Defaults to BALANCE_RULES. */
  balanceRules?: readonly BalanceRule[];
  maxIssuesPerRule?: number;
  /** The reader's issues (readSheetTemplate / readLongCsv), listed first in the report. */
  readIssues?: readonly SheetIssue[];
}

export interface ValidateSheetResult {
  /** Every cell that passed the cell checks (first occurrence of a duplicate), in input order. */
  values: SheetValueRow[];
  report: SheetReport;
}

export const cellKey = (indicatorCode: string, scheme: Scheme, institutionCode: string | null | undefined) =>
  `${indicatorCode}|${scheme}|${institutionCode ?? ""}`;

export function validateSheet(input: ValidateSheetInput): ValidateSheetResult {
  const readIssues = input.readIssues ?? [];
  if (readIssues.some((i) => i.severity === "ERROR" && WRONG_FILE_RULES.has(i.rule)))
    return {
      values: [],
      report: { errors: readIssues.filter((i) => i.severity === "ERROR"), warnings: [], counts: { cells: 0, values: 0, missing: 0 } },
    };
  const issues = new IssueList(input.maxIssuesPerRule ?? DEFAULT_MAX_ISSUES_PER_RULE);
  const byCode = new Map(input.catalogue.map((i) => [i.code, i]));
  const boundsByCode = new Map<string, Bounds>();
  const bounds = (ind: IndicatorDef) => {
    let b = boundsByCode.get(ind.code);
    if (!b) boundsByCode.set(ind.code, (b = { min: toMicroOrNull(ind.minValue), max: toMicroOrNull(ind.maxValue) }));
    return b;
  };
  const byUpperCode = new Map(input.catalogue.map((i) => [i.code.toUpperCase(), i]));
  const institutions = new Map(input.institutions.map((i) => [i.code, i.name]));
  const period = checkFile(input, issues);

  const current = new CellIndex();
  const values: SheetValueRow[] = [];
  const answered = new Map<IndicatorDef, Record<Scheme, number>>();
  const answer = (ind: IndicatorDef, scheme: Scheme) => {
    let f = answered.get(ind);
    if (!f) answered.set(ind, (f = { EMPLOYEE: 0, RESIDENT: 0, TOTAL: 0 }));
    f[scheme]++;
  };
  // One problem, one message: a cell the reader refused (a formula, a date) is reported, not missing.
  for (const issue of readIssues) {
    const ind = issue.indicatorCode ? byCode.get(issue.indicatorCode) : undefined;
    if (!ind || !issue.scheme) continue;
    const slot = current.slot(ind, issue.institutionCode ?? null);
    if (slot[issue.scheme] === undefined) {
      slot[issue.scheme] = issue.location;
      answer(ind, issue.scheme);
    }
  }
  let missing = 0;
  for (const cell of input.cells) {
    const fail = (rule: string, message: string) =>
      issues.add({
        severity: "ERROR",
        rule,
        location: cell.location,
        indicatorCode: cell.indicatorCode,
        scheme: cell.scheme,
        institutionCode: cell.institutionCode ?? undefined,
        message,
      });
    const ind = byCode.get(cell.indicatorCode);
    if (!ind) {
      const near = byUpperCode.get(cell.indicatorCode.trim().toUpperCase());
      fail(
        "indicator.unknown",
        `指标编码“${cell.indicatorCode}”不在本统筹区的指标目录中${near ? `，是否应为 ${near.code}（${near.nameZh}）？` : "。"}`,
      );
      continue;
    }
    const structural = checkStructure(ind, cell);
    if (structural) {
      fail(structural[0], structural[1]);
      continue;
    }
    const instName = cell.institutionCode ? institutions.get(cell.institutionCode) : undefined;
    if (cell.institutionCode && instName === undefined) {
      fail("institution.not-in-region", `机构编码 ${cell.institutionCode} 不属于本统筹区。`);
      continue;
    }
    const slot = current.slot(ind, cell.institutionCode);
    const first = slot[cell.scheme];
    if (first !== undefined) {
      const at = typeof first === "string" ? first : first.cell.location;
      fail("cell.duplicate", `${describe(ind, cell.scheme, cell.institutionCode, instName)} 重复填报，与 ${at} 重复。`);
      continue;
    }
    slot[cell.scheme] = cell.location;
    const parsed = parseSheetValue(cell.raw);
    if (!parsed.ok || parsed.value !== null) answer(ind, cell.scheme); // an error already speaks for the cell
    if (!parsed.ok) {
      fail("value.not-a-number", `${describe(ind, cell.scheme, cell.institutionCode, instName)}：${parsed.message}`);
      continue;
    }
    const value = parsed.value === null ? null : toMicro(parsed.value);
    if (value !== null) {
      const why = outOfBounds(ind, bounds(ind), value, parsed.value!);
      if (why) {
        fail(why[0], `${describe(ind, cell.scheme, cell.institutionCode, instName)}：${why[1]}`);
        continue;
      }
    } else missing++;
    values.push({ indicatorCode: ind.code, scheme: cell.scheme, institutionCode: cell.institutionCode, value: parsed.value });
    slot[cell.scheme] = { cell, ind, value, instName };
  }

  const ctx: CheckContext = {
    issues,
    current,
    byCode,
    answered,
    institutionCount: institutions.size,
    period,
    tolerance: toMicro(input.tolerance ?? DEFAULT_TOLERANCE),
    momThreshold: toMicro(String(input.momThreshold ?? DEFAULT_MOM_THRESHOLD)),
    momMinBase: toMicro(input.momMinBase ?? DEFAULT_MOM_MIN_BASE),
    previous: input.previous ?? {},
    balanceRules: input.balanceRules ?? BALANCE_RULES,
    describe,
  };
  checkIdentities(ctx);
  if (period) {
    checkCrossPeriod(ctx);
    checkLevels(ctx);
    checkMissingRequired(ctx);
  }

  const all = [...readIssues, ...issues.list()];
  return {
    values,
    report: {
      errors: all.filter((i) => i.severity === "ERROR"),
      warnings: all.filter((i) => i.severity === "WARNING"),
      counts: { cells: input.cells.length, values: values.length - missing, missing },
    },
  };
}

/** "FI03 职工医保统筹基金收入（职工）" or "IN01 出院人次（居民，机构 H34… 某医院）". */
function describe(ind: IndicatorDef, scheme: Scheme, institutionCode?: string | null, institutionName?: string): string {
  const inst = institutionCode ? `，机构 ${institutionCode}${institutionName ? ` ${institutionName}` : ""}` : "";
  return `${ind.code} ${ind.nameZh}（${SCHEME_LABELS[scheme]}${inst}）`;
}

/** [rule, message] when the indicator takes no such cell: derived, wrong scheme, wrong scope. */
function checkStructure(ind: IndicatorDef, cell: RawCell): [string, string] | null {
  if (ind.formula !== null)
    return ["indicator.derived", `${ind.code} ${ind.nameZh} 是计算指标（${ind.formula}），由平台根据其他指标计算，请勿填报。`];
  if (!ind.schemes.includes(cell.scheme)) {
    const has = ind.schemes.map((s) => SCHEME_LABELS[s]).join("、");
    return ["scheme.not-applicable", `${ind.code} ${ind.nameZh} 只有 ${has} 口径，不应填写“${SCHEME_LABELS[cell.scheme]}”。`];
  }
  if (ind.scope === "REGION" && cell.institutionCode)
    return ["scope.region-with-institution", `${ind.code} ${ind.nameZh} 是统筹区级指标，不应填写机构编码（${cell.institutionCode}）。`];
  if (ind.scope === "INSTITUTION" && !cell.institutionCode)
    return ["scope.institution-missing", `${ind.code} ${ind.nameZh} 是医疗机构级指标，必须填写机构编码。`];
  return null;
}

/** Region and period of the whole file; returns the period's parts when the period-dependent rules can run. */
function checkFile(input: ValidateSheetInput, issues: IssueList): { year: number; month: number } | null {
  const fileError = (rule: string, message: string) => issues.add({ severity: "ERROR", rule, location: "全表", message });
  if (!input.regionCode) fileError("region.missing", "文件中没有统筹区编码。");
  else if (input.regionCode !== input.expectedRegionCode)
    fileError(
      "region.mismatch",
      `文件的统筹区编码为 ${input.regionCode}，不是您所属的统筹区（${input.expectedRegionCode}），只能上传本统筹区的数据。`,
    );
  const parts = periodParts(input.period);
  if (!parts) {
    fileError("period.malformed", `期间“${input.period ?? ""}”格式不正确，应为 YYYY-MM（如 2025-06）。`);
    return null;
  }
  const thisMonth = shanghaiMonth(input.now);
  if (input.period! > thisMonth) {
    const [y, m] = thisMonth.split("-").map(Number);
    fileError(
      "period.future",
      `期间 ${periodLabel(parts)} 晚于当前月份（${periodLabel({ year: y, month: m })}），不能上传未来期间的数据。`,
    );
    return null;
  }
  return parts;
}

interface Bounds {
  min: bigint | null;
  max: bigint | null;
}

/** [rule, why] when v is negative although the minimum is ≥ 0, or outside [min, max]; null when fine. */
function outOfBounds(ind: IndicatorDef, b: Bounds, v: bigint, text: string): [string, string] | null {
  if (v < 0n && b.min !== null && b.min >= 0n) return ["value.negative", `数值 ${text} 为负数，该指标不能为负数。`];
  if ((b.min !== null && v < b.min) || (b.max !== null && v > b.max)) {
    const range = `${b.min === null ? "−∞" : fromMicro(b.min)} 至 ${b.max === null ? "+∞" : fromMicro(b.max)}`;
    const hint = percentAsFraction(ind.unit, v, null, b.min) ?? dateSerialHint(v);
    return ["value.out-of-range", `数值 ${text} 超出合理范围（${range}${ind.unit ? ` ${ind.unit}` : ""}）${hint ? `；${hint}` : ""}。`];
  }
  return null;
}
