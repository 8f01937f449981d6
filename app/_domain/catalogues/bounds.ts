import Decimal from "decimal.js";

/**
 * Plausibility bounds are stored as NUMERIC(24, 6): at most 18 integer and 6 fractional digits. Parsed from
 * text without binary floats; thousands separators and full-width digits (typed with a Chinese IME) accepted.
 */
const MAX_INT_DIGITS = 18;
const MAX_FRACTION_DIGITS = 6;

export type BoundResult = { ok: true; value: string } | { ok: false; message: string };

export function parseBound(raw: string): BoundResult {
  const s = raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0B\uFF0D\u2212]/g, (c) => (c === "\uFF0B" ? "+" : "-"))
    .replace(/\uFF0E/g, ".")
    .replace(/[,，\s]/g, "");
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, message: `“${raw}”不是有效的数值` };
  const intDigits = m[2].replace(/^0+(?=\d)/, "").length;
  if (intDigits > MAX_INT_DIGITS) return { ok: false, message: `“${raw}”超出范围（整数部分最多 ${MAX_INT_DIGITS} 位）` };
  if ((m[3] ?? "").replace(/0+$/, "").length > MAX_FRACTION_DIGITS)
    return { ok: false, message: `“${raw}”小数位过多（最多 ${MAX_FRACTION_DIGITS} 位）` };
  return { ok: true, value: canonicalDecimal(s) };
}

/** "100.500" → "100.5", "-0" → "0", never exponent notation. */
export function canonicalDecimal(value: string | { toString(): string }): string {
  const d = new Decimal(typeof value === "string" ? value : value.toString());
  return d.isZero() ? "0" : d.toFixed();
}

export function compareBounds(a: string, b: string): number {
  return new Decimal(a).comparedTo(new Decimal(b));
}
