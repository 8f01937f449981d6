import { type IndicatorDef, type Scheme, SCHEME_LABELS } from "../catalogue";
import type { IssueList } from "./issues";
import { MICRO, SheetDecimal, fromMicro, toMicroOrNull } from "./sheet-decimal";
import type { RawCell } from "./types";
import type { BalanceRule, PreviousValueMap, PreviousValues } from "./validate-sheet";

/**
 * The rules between cells and between periods (docs/product.md §5): totals = sum of parts, YTD never falls,
 * month values don't jump, the cumulative balance rolls forward from the previous December, a negative
 * year-to-date balance is flagged (but not for residents before Q4), required inputs are present.
 */

/** A cell that passed the cell checks. */
export interface Entry {
  cell: RawCell;
  ind: IndicatorDef;
  /** Micro-units (value × 10⁶), see toMicro; null = missing. */
  value: bigint | null;
  instName?: string;
}

/**
 * The cells of this sheet by indicator, then institution ("" for region level), then scheme. Nested maps
 * keyed by objects and by the institution code strings already in the cells, so 300,000 cells cost no key
 * concatenation. A slot's scheme holds the accepted Entry, or the location of a cell that failed its checks
 * (so that a later duplicate is still recognised).
 */
export type Slot = Partial<Record<Scheme, Entry | string>>;

export class CellIndex {
  private readonly byIndicator = new Map<IndicatorDef, Map<string, Slot>>();

  slot(ind: IndicatorDef, institution: string | null): Slot {
    let m = this.byIndicator.get(ind);
    if (!m) this.byIndicator.set(ind, (m = new Map()));
    const k = institution ?? "";
    let slot = m.get(k);
    if (!slot) m.set(k, (slot = {}));
    return slot;
  }

  entry(ind: IndicatorDef | undefined, scheme: Scheme, institution: string | null): Entry | undefined {
    if (!ind) return undefined;
    const e = this.byIndicator.get(ind)?.get(institution ?? "")?.[scheme];
    return typeof e === "object" ? e : undefined;
  }

  *slots(): Iterable<[IndicatorDef, Slot]> {
    for (const [ind, m] of this.byIndicator) for (const slot of m.values()) yield [ind, slot];
  }
}

export interface CheckContext {
  issues: IssueList;
  current: CellIndex;
  byCode: Map<string, IndicatorDef>;
  /**
   * Per indicator, how many cells of each scheme need no missing-value warning (all institutions together):
   * the non-missing values, and the cells already refused with an error (one problem, one message).
   */
  answered: Map<IndicatorDef, Record<Scheme, number>>;
  institutionCount: number;
  period: { year: number; month: number } | null;
  /** Micro-units. */
  tolerance: bigint;
  /** Micro-units of the fraction (0.5 → 500,000). */
  momThreshold: bigint;
  /** Micro-units: below this, both months are too small for a jump to mean anything. */
  momMinBase: bigint;
  previous: PreviousValues;
  balanceRules: readonly BalanceRule[];
  describe: (ind: IndicatorDef, scheme: Scheme, institutionCode?: string | null, institutionName?: string) => string;
}

export const key = (code: string, scheme: Scheme, institution: string | null) => `${code}|${scheme}|${institution ?? ""}`;
export const entryOf = (x: Entry | string | undefined) => (typeof x === "object" ? x : undefined);

/** Micro-units as "1,234,567.5" (messages only). */
export function show(v: bigint): string {
  const [int, frac] = fromMicro(v).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac ? `${grouped}.${frac}` : grouped;
}

export const abs = (v: bigint) => (v < 0n ? -v : v);
export const prevValue = (map: PreviousValueMap | undefined, k: string) => toMicroOrNull(map?.get(k));

export const issueOf = (e: Entry) => ({
  location: e.cell.location,
  indicatorCode: e.ind.code,
  scheme: e.cell.scheme,
  institutionCode: e.cell.institutionCode ?? undefined,
});

/** num ÷ den as a percentage with one decimal ("12.5"), for messages. */
export const pct = (num: bigint, den: bigint) => new SheetDecimal(num.toString()).div(den.toString()).times(100).toFixed(1);

/** TOTAL = EMPLOYEE + RESIDENT for FLOW and STOCK inputs, when all three are given. */
export function checkIdentities(ctx: CheckContext): void {
  for (const [ind, slot] of ctx.current.slots()) {
    if (ind.basis === "RATE" || !ind.schemes.includes("EMPLOYEE") || !ind.schemes.includes("RESIDENT")) continue;
    const t = entryOf(slot.TOTAL);
    const e = entryOf(slot.EMPLOYEE)?.value;
    const r = entryOf(slot.RESIDENT)?.value;
    if (!t || t.value === null || e == null || r == null) continue;
    const cell = t.cell;
    const sum = e + r;
    const diff = t.value - sum;
    if (abs(diff) <= ctx.tolerance) continue;
    ctx.issues.add({
      severity: "ERROR",
      rule: "identity.total",
      ...issueOf(t),
      message:
        `${ctx.describe(ind, "TOTAL", cell.institutionCode, t.instName)}：合计 ${show(t.value)} 不等于 职工 ${show(e)} + 居民 ${show(r)} = ${show(sum)}，` +
        `相差 ${show(diff)}（允许误差 ±${show(ctx.tolerance)}）。`,
    });
  }
}

export function checkCrossPeriod(ctx: CheckContext): void {
  checkBalances(ctx);
  checkFlows(ctx);
}

function checkBalances(ctx: CheckContext): void {
  const month = ctx.period!.month;
  for (const rule of ctx.balanceRules) {
    const find = (code: string) => ctx.current.entry(ctx.byCode.get(code), rule.scheme, null);
    const income = find(rule.income);
    const spend = find(rule.expenditure);
    const balance = find(rule.balance);
    if (income?.value == null || spend?.value == null) continue;
    const surplus = income.value - spend.value;
    const label = SCHEME_LABELS[rule.scheme];
    const flows = `${rule.income} ${income.ind.nameZh} ${show(income.value)} − ${rule.expenditure} ${spend.ind.nameZh} ${show(spend.value)}`;

    const residentBeforeQ4 = rule.scheme === "RESIDENT" && month <= 9;
    if (surplus < 0n && !residentBeforeQ4)
      ctx.issues.add({
        severity: "WARNING",
        rule: "cross.negative-balance",
        ...issueOf(income),
        message:
          `${label}医保本年累计当期结余为负：${flows} = ${show(surplus)}。` +
          (rule.scheme === "RESIDENT" ? "第四季度居民医保缴费应已基本到账，请核实。" : "请核实收入和支出是否填报完整。"),
      });

    const prevBalance = prevValue(ctx.previous.prevDecember, key(rule.balance, rule.scheme, null));
    if (balance?.value == null || prevBalance === null) continue;
    const expected = prevBalance + surplus;
    const diff = balance.value - expected;
    if (abs(diff) <= ctx.tolerance) continue;
    ctx.issues.add({
      severity: "ERROR",
      rule: "cross.rolling-balance",
      ...issueOf(balance),
      message:
        `${ctx.describe(balance.ind, rule.scheme)}：累计结余 ${show(balance.value)} 不等于 上年末累计结余 ${show(prevBalance)} + 本年累计（${flows}）= ${show(expected)}，` +
        `相差 ${show(diff)}（允许误差 ±${show(ctx.tolerance)}，由部署配置 LIANGDI_BALANCE_TOLERANCE 设定）。` +
        `若差额来自上解、下拨等调剂资金转移，请将其计入对应的收入或支出后重新上传。`,
    });
  }
}

/** YTD must not fall; the month value (ytd − previous ytd; January = ytd) should not jump. */
function checkFlows(ctx: CheckContext): void {
  const { sameYearPrevMonth, prevDecember, monthBeforePrev } = ctx.previous;
  if (!sameYearPrevMonth && !prevDecember && !monthBeforePrev) return;
  for (const [ind, slot] of ctx.current.slots()) {
    if (ind.basis !== "FLOW") continue;
    for (const scheme of ind.schemes) {
      const entry = entryOf(slot[scheme]);
      if (entry?.value != null) checkFlow(ctx, entry, entry.value);
    }
  }
}

function checkFlow(ctx: CheckContext, entry: Entry, v: bigint): void {
  const month = ctx.period!.month;
  const { sameYearPrevMonth, prevDecember, monthBeforePrev } = ctx.previous;
  const k = key(entry.ind.code, entry.cell.scheme, entry.cell.institutionCode);
  const name = () => ctx.describe(entry.ind, entry.cell.scheme, entry.cell.institutionCode, entry.instName);
  const prev = month >= 2 ? prevValue(sameYearPrevMonth, k) : null;
  if (prev !== null && v < prev)
    ctx.issues.add({
      severity: "WARNING",
      rule: "cross.ytd-decrease",
      ...issueOf(entry),
      message: `${name()}：本年累计 ${show(v)} 低于上月的本年累计 ${show(prev)}，本年累计数一般不会减少，请核实是否有冲减或填错。`,
    });

  const thisMonth = month === 1 ? v : prev !== null ? v - prev : null;
  let lastMonth: bigint | null = null;
  if (month === 1) {
    const dec = prevValue(prevDecember, k);
    const nov = prevValue(monthBeforePrev, k);
    lastMonth = dec !== null && nov !== null ? dec - nov : null;
  } else if (month === 2) lastMonth = prev;
  else {
    const before = prevValue(monthBeforePrev, k);
    lastMonth = prev !== null && before !== null ? prev - before : null;
  }
  if (thisMonth === null || lastMonth === null || lastMonth === 0n) return;
  if (abs(thisMonth) < ctx.momMinBase && abs(lastMonth) < ctx.momMinBase) return; // 3 → 1 cases is not news
  // |this − last| ÷ |last| > threshold, without dividing: exact integers throughout.
  const change = thisMonth - lastMonth;
  if (abs(change) * MICRO <= ctx.momThreshold * abs(lastMonth)) return;
  ctx.issues.add({
    severity: "WARNING",
    rule: "cross.mom-change",
    ...issueOf(entry),
    message:
      `${name()}：本月发生额 ${show(thisMonth)}（本年累计之差）比上月 ${show(lastMonth)} ${change < 0n ? "减少" : "增加"} ${pct(abs(change), abs(lastMonth))}%，` +
      `超过 ±${pct(ctx.momThreshold, MICRO)}% 的提示阈值，请核实。`,
  });
}

const due = (ind: IndicatorDef, month: number) =>
  ind.frequency === "MONTHLY" || (ind.frequency === "QUARTERLY" && month % 3 === 0) || (ind.frequency === "YEARLY" && month === 12);

/** One warning per national required input (due this month) that lacks values, with the count. */
export function checkMissingRequired(ctx: CheckContext): void {
  const month = ctx.period!.month;
  for (const ind of ctx.byCode.values()) {
    if (ind.tag !== "NATIONAL_REQUIRED" || ind.formula !== null || !due(ind, month)) continue;
    const name = `国家底稿必选指标 ${ind.code} ${ind.nameZh}`;
    const add = (message: string) =>
      ctx.issues.add({ severity: "WARNING", rule: "missing.required", location: "全表", indicatorCode: ind.code, message });
    if (ind.scope === "REGION") {
      const lacking = ind.schemes.filter((s) => !ctx.answered.get(ind)?.[s]);
      if (lacking.length) add(`${name} 缺少数值：${lacking.map((s) => SCHEME_LABELS[s]).join("、")}。`);
      continue;
    }
    if (ctx.institutionCount === 0) continue;
    const parts: string[] = [];
    let total = 0;
    for (const s of ind.schemes) {
      const n = ctx.institutionCount - (ctx.answered.get(ind)?.[s] ?? 0);
      if (n > 0) parts.push(`${SCHEME_LABELS[s]} ${n} 家`);
      total += n;
    }
    if (total > 0) add(`${name} 有 ${total} 个机构数值未填（${parts.join("、")}；本统筹区共 ${ctx.institutionCount} 家机构）。`);
  }
}
