import DecimalJs from "decimal.js";

/**
 * The one configured decimal type of the domain (docs/product.md §5: decimal arithmetic, never binary floats).
 * A clone, not Decimal.set(): the global constructor is shared with every other library in the process,
 * and a setting made there would depend on import order.
 * - precision 40 significant digits (≥ 34, IEEE decimal128): sums of money and counts stay exact;
 *   only true quotients (1 ÷ 3) are rounded, once, at the 40th digit;
 * - ROUND_HALF_UP (四舍五入), the rounding Chinese statistical tables use;
 * - toString() never switches to exponent notation, so values serialise as plain decimal strings.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Decimal = DecimalJs;

/**
 * Re-creates a value under this configuration. Needed because decimal.js rounds with the constructor of the
 * left operand: a value made by another decimal.js constructor (e.g. a data layer's) would otherwise compute
 * at that constructor's precision (20 by default). Non-finite values become null: they are never a result.
 */
export function toDomainDecimal(value: DecimalJs | null | undefined): Decimal | null {
  if (value === null || value === undefined) return null;
  // Instances of every clone share one prototype, so instanceof cannot tell them apart: check the constructor.
  const d = value.constructor === Decimal ? value : new Decimal(value);
  return d.isFinite() ? d : null;
}
