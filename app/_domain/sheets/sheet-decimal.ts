import type DecimalJs from "decimal.js";
import { Decimal } from "../formula/decimal";

/** The sheet code computes with the domain's one configured decimal type (app/_domain/formula/decimal.ts). */
export const SheetDecimal = Decimal;
export type SheetDecimal = DecimalJs;

/** A canonical decimal string: no exponent, no trailing zeros, "0" for zero (never "-0"). */
export const canonicalDecimal = (d: DecimalJs): string => (d.isZero() ? "0" : d.toFixed());

/**
 * Sheet values have at most 6 decimal places (Decimal(24, 6) in the database), so the validator computes in
 * exact integer micro-units (value × 10⁶) as BigInt: sums, differences and comparisons of 300,000 cells
 * take milliseconds instead of seconds, and stay exact.
 */
export const MICRO = 1_000_000n;
const PLAIN = /^-?\d+(\.\d{1,6})?$/;

/** Micro-units of a decimal string; more than 6 decimal places are rounded half up. Throws on non-numbers. */
export function toMicro(text: string): bigint {
  if (!PLAIN.test(text)) text = new SheetDecimal(text).toFixed(6);
  const dot = text.indexOf(".");
  if (dot < 0) return BigInt(text) * MICRO;
  const frac = text.slice(dot + 1);
  return BigInt(text.slice(0, dot) + frac + "000000".slice(frac.length));
}

/** toMicro, or null for a value that is missing or not a finite number. */
export function toMicroOrNull(text: string | null | undefined): bigint | null {
  if (text === null || text === undefined || text === "") return null;
  try {
    return toMicro(text);
  } catch {
    return null;
  }
}

/** The canonical decimal string of micro-units. */
export function fromMicro(v: bigint): string {
  const negative = v < 0n;
  const a = negative ? -v : v;
  const frac = (a % MICRO).toString().padStart(6, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${a / MICRO}${frac ? `.${frac}` : ""}`;
}
