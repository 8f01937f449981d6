import { MICRO, fromMicro } from "./sheet-decimal";

/**
 * Two slips of typing into a spreadsheet that a file cannot reveal by itself, so the validator names them
 * where a value already looks wrong.
 *
 * A percentage typed with its sign. WPS, LibreOffice and Excel store 「98.28%」 typed into a cell as the
 * fraction 0.9828 and keep the cell's own number format, so the uploaded file cannot tell it from a clerk
 * typing 0.9828. The template makes the unit plain (header, cell format, input message); this rule catches
 * what still slips through: a %-unit value in (0, 1] where the same cell's previous accepted value, or the
 * catalogue's lower bound, is above 1 — such a rate does not fall a hundredfold from one month to the next.
 */
export const PERCENT_UNIT = "%";

/** 「疑似按小数填写：98.28% 应填 98.28」, or null when the value is not suspicious. Values in micro-units. */
export function percentAsFraction(unit: string, value: bigint, previous: bigint | null, lowerBound: bigint | null): string | null {
  if (unit !== PERCENT_UNIT || value <= 0n || value > MICRO) return null;
  if (!((previous !== null && previous > MICRO) || (lowerBound !== null && lowerBound > MICRO))) return null;
  const typed = fromMicro(value * 100n);
  return `疑似按小数填写：${typed}% 应填 ${typed}`;
}

/**
 * A date typed into a number cell whose format stayed numeric: the suites store the day number (2026-11-30
 * → 46356, shown 「46,356」). Returns the date a whole value in 2000–2099 would be, for the message of a check
 * that already fired (a plausible count can be such a number too, so this alone never warns).
 */
export function dateSerialText(value: bigint): string | null {
  if (value % MICRO !== 0n) return null;
  const days = Number(value / MICRO);
  if (days < 36526 || days > 73050) return null; // 2000-01-01 … 2099-12-31
  return new Date(Date.UTC(1899, 11, 30) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 「若误把日期 2026-11-30 填进了数值单元格，请改为数值」 when the value reads as such a date. */
export function dateSerialHint(value: bigint): string | null {
  const date = dateSerialText(value);
  return date && `若误把日期 ${date} 填进了数值单元格，请改为数值`;
}
