/**
 * Period algebra on calendar months "YYYY-MM" — the grain of every sheet (docs/product.md §3).
 * Pure functions on canonical strings: canonical periods sort and compare as plain strings,
 * so they can be used directly as map keys and database values.
 */

/** A canonical month "YYYY-MM" (zero-padded month). Produce one with parsePeriod or the functions below. */
export type Period = string;

/** Shift applied to a period; both parts are usually ≤ 0 (earlier periods). */
export interface PeriodOffset {
  years: number;
  months: number;
}

export type PeriodParseResult = { ok: true; period: Period; year: number; month: number } | { ok: false; message: string };

/** Years outside this range are almost always typos (2205, 0025); the insurance system started in 1998. */
export const MIN_PERIOD_YEAR = 1990;
export const MAX_PERIOD_YEAR = 2099;

const CANONICAL = /^\d{4}-(?:0[1-9]|1[0-2])$/;
/** Spellings a person or Excel produces: 2025-3, 2025/03, 2025.3, 202503, 2025年3月. */
const LENIENT = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})|(\d{2})|年\s*(\d{1,2})\s*月)$/;

/** Full-width digits and punctuation (Chinese IME input) become ASCII; one char to one char. */
const halfWidth = (s: string) =>
  s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");

/**
 * Reads a period typed by a person or found in a file and returns the canonical form,
 * or a Chinese message saying what is wrong.
 */
export function parsePeriod(text: string): PeriodParseResult {
  const trimmed = halfWidth(String(text ?? "")).trim();
  if (trimmed === "") return { ok: false, message: "期间不能为空" };
  const m = LENIENT.exec(trimmed);
  if (!m) return { ok: false, message: `期间“${text}”格式不正确，应为 YYYY-MM（如 2025-03）` };
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[3] ?? m[4]);
  if (month < 1 || month > 12) return { ok: false, message: `期间“${text}”的月份应在 1–12 之间` };
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) {
    return { ok: false, message: `期间“${text}”的年份应在 ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR} 之间` };
  }
  return { ok: true, period: makePeriod(year, month), year, month };
}

/**
 * True for the canonical shape "YYYY-MM" with a month 01–12. The plausible-year range is checked only by
 * parsePeriod (user input), so that arithmetic such as PREV_YEAR chains never fails on an old year.
 */
export function isPeriod(value: unknown): value is Period {
  return typeof value === "string" && CANONICAL.test(value);
}

/** Splits a canonical period; throws (a programming error, not user input) on anything else. */
export function yearMonth(period: Period): { year: number; month: number } {
  if (!isPeriod(period)) throw new Error(`无效的期间“${period}”，应为 YYYY-MM`);
  return { year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) };
}

/** Builds a canonical period from a year and a month 1–12 (months outside roll into other years). */
export function makePeriod(year: number, month: number): Period {
  if (!Number.isInteger(year) || !Number.isInteger(month)) throw new Error("年份和月份必须是整数");
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  const mo = index - y * 12 + 1;
  if (y < 0 || y > 9999) throw new Error(`期间超出可表示的范围（年份 ${y}）`);
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}`;
}

/** −1, 0 or 1, for Array.prototype.sort. */
export function comparePeriods(a: Period, b: Period): number {
  yearMonth(a);
  yearMonth(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function addMonths(period: Period, months: number): Period {
  if (!Number.isInteger(months)) throw new Error("月数必须是整数");
  const { year, month } = yearMonth(period);
  return makePeriod(year, month + months);
}

/** The period moved by an offset of years and months (years × 12 + months in total). */
export function shiftPeriod(period: Period, offset: PeriodOffset): Period {
  return addMonths(period, offset.years * 12 + offset.months);
}

/** January's previous month is December of the year before (what MoM compares with, docs/product.md §4). */
export const previousMonth = (period: Period): Period => addMonths(period, -1);

/** Same month one year earlier (what YoY compares with). */
export const sameMonthLastYear = (period: Period): Period => addMonths(period, -12);

/** December of the previous year: where cumulative balances roll forward from (docs/product.md §5). */
export function previousDecember(period: Period): Period {
  return makePeriod(yearMonth(period).year - 1, 12);
}

/** Quarter 1–4 containing the month. */
export function quarterOf(period: Period): 1 | 2 | 3 | 4 {
  return (Math.floor((yearMonth(period).month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

const QUARTER_NAMES = ["第一季度", "第二季度", "第三季度", "第四季度"] as const;

/** "2025年第二季度", the Chinese statistical label of the quarter containing the month (as 统计公报 write it). */
export function quarterLabel(period: Period): string {
  return `${yearMonth(period).year}年${QUARTER_NAMES[quarterOf(period) - 1]}`;
}

/** "2025年3月" (no zero padding, as Chinese statistical releases write it). */
export function monthLabel(period: Period): string {
  const { year, month } = yearMonth(period);
  return `${year}年${month}月`;
}

/** Months elapsed in the year up to and including this month (January = 1): the divisor of monthly averages. */
export const monthsElapsed = (period: Period): number => yearMonth(period).month;

/** March, June, September and December: the months a quarterly release covers. */
export const isQuarterEnd = (period: Period): boolean => yearMonth(period).month % 3 === 0;

/** "2025Q2" (also 2025q2, 2025-Q2): the quarter and its last month, or null when the text is not a quarter. */
export function parseQuarter(text: string): { year: number; quarter: 1 | 2 | 3 | 4; end: Period } | null {
  const m = /^(\d{4})-?[Qq]([1-4])$/.exec(halfWidth(String(text ?? "")).trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) return null;
  const quarter = Number(m[2]) as 1 | 2 | 3 | 4;
  return { year, quarter, end: makePeriod(year, quarter * 3) };
}

/** The three months of the quarter containing the month, in order. */
export function quarterMonths(period: Period): [Period, Period, Period] {
  const { year } = yearMonth(period);
  const first = (quarterOf(period) - 1) * 3 + 1;
  return [makePeriod(year, first), makePeriod(year, first + 1), makePeriod(year, first + 2)];
}

/** China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact and needs no ICU data. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The month it is now in Asia/Shanghai (a server running in UTC would otherwise be 8 hours late at month ends). */
export function currentPeriod(now: Date = new Date()): Period {
  const t = now.getTime();
  if (Number.isNaN(t)) throw new Error("无效的日期");
  const shanghai = new Date(t + SHANGHAI_OFFSET_MS);
  return makePeriod(shanghai.getUTCFullYear(), shanghai.getUTCMonth() + 1);
}

/** True for a month after the current one in Asia/Shanghai; the current month itself is not in the future. */
export function isFuturePeriod(period: Period, now: Date = new Date()): boolean {
  return comparePeriods(period, currentPeriod(now)) > 0;
}
