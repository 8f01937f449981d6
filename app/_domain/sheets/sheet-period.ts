/**
 * The little month arithmetic the sheet code needs. Kept here on purpose, small and private to sheets:
 * the general period algebra lives in app/_domain/periods.ts.
 */

const CANONICAL = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Spellings that Excel or a person produces: 2025-6, 2025/06, 2025.6, 202506, 2025年6月. */
const LENIENT = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})|(\d{2})|年\s*(\d{1,2})\s*月?)$/;

export const MIN_SHEET_YEAR = 1990;
export const MAX_SHEET_YEAR = 2099;

/** The canonical "YYYY-MM" for a lenient spelling, or the trimmed text unchanged when it is not a month. */
export function normalisePeriodText(raw: string): string {
  const t = raw.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  const m = LENIENT.exec(t);
  if (!m) return t;
  const month = Number(m[2] ?? m[3] ?? m[4]);
  if (month < 1 || month > 12) return t;
  return `${m[1]}-${String(month).padStart(2, "0")}`;
}

/** { year, month } of a canonical period within the plausible years, else null. */
export function periodParts(period: string | null | undefined): { year: number; month: number } | null {
  const m = CANONICAL.exec(period ?? "");
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_SHEET_YEAR || year > MAX_SHEET_YEAR) return null;
  return { year, month: Number(m[2]) };
}

/** The calendar month of an instant in Asia/Shanghai (UTC+8 all year, no daylight saving), as "YYYY-MM". */
export function shanghaiMonth(now: Date): string {
  const d = new Date(now.getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** "2025年6月" for messages. */
export const periodLabel = (p: { year: number; month: number }) => `${p.year}年${p.month}月`;
