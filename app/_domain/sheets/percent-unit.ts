import { MICRO, fromMicro } from "./sheet-decimal";

/**
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
