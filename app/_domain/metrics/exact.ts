import { Decimal } from "../formula/decimal";

/**
 * An exact decimal as a scaled integer: value = n × 10^−s (s ≥ 0). The metrics engine's hot path (month
 * differences of reported YTD values, growth rates, rounding for output) runs on these instead of decimal.js.
 * The results are the same exact decimals — no binary floats stand for a value anywhere — but integer
 * arithmetic is an order of magnitude faster than decimal.js (whose division costs microseconds), which matters
 * at 5,000 institutions × 20 indicators × 36 months. Formulas are evaluated on these too, with decimal.js's
 * rounding (add, sub, mul, div below); decimal.js itself only reads unusual spellings (parseExact).
 *
 * The scaled integer is kept as a JS number while it is a safe integer (|n| < 2^53, where every integer and
 * every integer sum, difference and product below that bound is exact in IEEE doubles), and as a BigInt
 * otherwise. Every operation checks its intermediate results stay safe, else redoes the work in BigInt; the
 * property tests compare both paths with decimal.js.
 */
export class Exact {
  /**
   * How a value was computed when it may differ from the exact result of its inputs (a quotient at 40 digits,
   * or anything computed from one): lets rounding for output decide from the exact rational value when the
   * 40-digit one is too close to a half-way point to tell (see text6, growthText, exactHalfUp).
   */
  src: Source | undefined;
  private rounded: string | undefined;
  private big: bigint | undefined;
  /** The scaled integer as a number when it is a safe integer; NaN when only the BigInt holds it. */
  readonly i: number;

  constructor(
    n: bigint | number,
    readonly s: number,
    /** A canonical text of this value already at hand (the reported string), reused to save allocations. */
    private canonical?: string,
    /** The decimal digits of |n|, when already at hand (a quotient's): spares printing a big integer. */
    private digits?: string,
  ) {
    if (typeof n === "number") {
      this.i = n;
    } else {
      this.big = n;
      this.i = n <= MAX_SAFE && n >= -MAX_SAFE ? Number(n) : NaN;
    }
  }

  /** The scaled integer as a BigInt. */
  get n(): bigint {
    return (this.big ??= BigInt(this.i));
  }

  /** The exact canonical decimal text: no exponent, no trailing zeros, "0" never "-0". */
  text(): string {
    if (this.canonical !== undefined) return this.canonical;
    if (safe(this.i)) return (this.canonical = plainNumber(this.i, this.s));
    return (this.canonical = withPoint(this.magnitudeDigits(), this.s, this.big! < 0n)); // |n| > 2^53: not zero
  }

  /**
   * The canonical text rounded half away from zero (四舍五入) to 6 decimal places: what MetricRow carries. A value
   * computed through a 40-digit quotient whose dropped digits are within a hair of one half (…4999999… or
   * …5000000…) is rounded from its exact rational value instead: (16/381) ÷ (16/384) held at 40 digits is
   * 0.99218749…9, its exact value 0.9921875, which rounds up.
   */
  text6(): string {
    if (this.rounded !== undefined) return this.rounded;
    if (this.s <= 6) return (this.rounded = this.text());
    // A quotient or a big integer: in doubles when clearly away from a rounding boundary (no digits printed).
    if (this.src !== undefined || !safe(this.i)) {
      const x = toDouble(this);
      const fast = roundedInDoubles(x, Math.abs(x));
      if (fast !== null) return (this.rounded = fast);
    }
    // Round the digits of |n| half up at the 6th decimal: the same as on the integer, without dividing it.
    const digits = this.magnitudeDigits();
    const keep = digits.length - (this.s - 6);
    if (this.src !== undefined && nearHalf(digits, keep)) {
      const f = fraction(this);
      if (f !== null) return (this.rounded = halfUp6(f[0], f[1]));
    }
    let head = keep > 0 ? digits.slice(0, keep) : "";
    if (keep >= 0 && digits.charCodeAt(keep) >= 53) head = incremented(head); // next digit ≥ "5"
    const text = head === "" ? "0" : withPoint(head, 6, false); // digits have no leading zero
    return (this.rounded = text !== "0" && (safe(this.i) ? this.i < 0 : this.big! < 0n) ? `-${text}` : text);
  }

  /**
   * text6(), or the same output as a Scaled6 when it is at hand as a safe integer without printing (see
   * Scaled6): what the engine writes straight into a column's bytes.
   */
  out6(): string | Scaled6 {
    if (this.rounded !== undefined) return this.rounded;
    if (this.s <= 6) {
      if (this.canonical !== undefined) return this.canonical;
      if (safe(this.i)) {
        const q = this.i * POW10_NUMBER[6 - this.s]!;
        if (safe(q)) return q === 0 ? 0 : q;
      }
      return this.text6();
    }
    if (this.src !== undefined || !safe(this.i)) {
      const x = toDouble(this);
      const fast = roundedInDoublesScaled(x, Math.abs(x));
      if (fast !== null) return fast;
    }
    return this.text6();
  }

  private magnitudeDigits(): string {
    if (this.digits !== undefined) return this.digits;
    if (safe(this.i)) return (this.digits = String(this.i < 0 ? -this.i : this.i));
    return (this.digits = (this.big! < 0n ? -this.big! : this.big!).toString());
  }
}

/** Whether the digits of |n| from index `keep` on (the dropped part, padded with zeros) start 4999999 or 5000000. */
function nearHalf(digits: string, keep: number): boolean {
  const dropped = (keep >= 0 ? digits.slice(keep) : "0".repeat(-keep) + digits).slice(0, 7).padEnd(7, "0");
  return dropped === "4999999" || dropped === "5000000";
}

/**
 * An output decimal held as the safe integer q = value × 10⁶ (every output has at most 6 decimals): the
 * engine's outputs are written into a column's bytes from it (writeScaled6) without a string per value. Its
 * text is scaledText(q), the canonical text (no trailing zeros, "0" never "-0").
 */
export type Scaled6 = number;

/** The canonical text of a Scaled6. */
export const scaledText = (q: Scaled6): string => plainNumber(q, 6);

/** An output (text, Scaled6 or null) as text or null. */
export const outText = (x: string | Scaled6 | null): string | null => (typeof x === "number" ? scaledText(x) : x);

/**
 * Writes the canonical text of a Scaled6 into `bytes` at `at` (ASCII; room for 22 bytes needed) and returns the
 * position after it: the same characters as scaledText(q).
 */
export function writeScaled6(bytes: Uint8Array, at: number, q: Scaled6): number {
  if (q === 0) {
    bytes[at] = 48; // "0"
    return at + 1;
  }
  if (q < 0) {
    bytes[at++] = 45; // "-"
    q = -q;
  }
  let whole = Math.floor(q / 1e6);
  let frac = q - whole * 1e6;
  // (q < 2^53: the quotient's floor is off by at most one; the remainder tells.)
  if (frac < 0) {
    whole -= 1;
    frac += 1e6;
  } else if (frac >= 1e6) {
    whole += 1;
    frac -= 1e6;
  }
  // The whole part's digits, most significant first.
  let n = 1;
  for (let w = whole; w >= 10; w = Math.floor(w / 10)) n++;
  for (let k = at + n - 1, w = whole; k >= at; k--, w = Math.floor(w / 10)) bytes[k] = 48 + (w % 10);
  at += n;
  if (frac === 0) return at;
  let digits = 6;
  while (frac % 10 === 0) {
    frac /= 10;
    digits--;
  }
  bytes[at++] = 46; // "."
  for (let k = at + digits - 1; k >= at; k--, frac = Math.floor(frac / 10)) bytes[k] = 48 + (frac % 10);
  return at + digits;
}

/**
 * The operation a value came from (Exact.src). A class, not an object literal: V8 may decide to allocate an
 * object literal's objects directly in the old generation once many of them survived (allocation-site
 * pretenuring); these are made for every quotient and mostly die young, and old dead ones keep the young values
 * they point to alive until a full collection.
 */
class Source {
  /** The exact value as [numerator, denominator > 0], once computed. */
  exact?: [bigint, bigint] | null;
  constructor(
    readonly op: "div" | "mul" | "add" | "sub" | "neg",
    readonly a: Exact,
    readonly b: Exact,
    exact?: [bigint, bigint] | null,
  ) {
    if (exact !== undefined) this.exact = exact;
  }
}

/** x's exact rational value [numerator, denominator > 0]: itself when it has no source, else from its source. */
export function fraction(x: Exact): [bigint, bigint] | null {
  const src = x.src;
  if (src === undefined) return [x.n, pow10(x.s)];
  if (src.exact !== undefined) return src.exact;
  const a = fraction(src.a);
  const b = fraction(src.b);
  let out: [bigint, bigint] | null = null;
  if (a !== null && b !== null) {
    const [an, ad] = a;
    const [bn, bd] = b;
    if (src.op === "neg") out = [-an, ad];
    else if (src.op === "add") out = [an * bd + bn * ad, ad * bd];
    else if (src.op === "sub") out = [an * bd - bn * ad, ad * bd];
    else if (src.op === "mul") out = [an * bn, ad * bd];
    else if (bn !== 0n) out = bn < 0n ? [-an * bd, ad * -bn] : [an * bd, ad * bn];
  }
  return (src.exact = out);
}

/** n ÷ d (d > 0) rounded half away from zero to 6 places, as canonical text. */
function halfUp6(n: bigint, d: bigint): string {
  const an = n < 0n ? -n : n;
  const q = (2n * an * 1_000_000n + d) / (2n * d);
  return plain(n < 0n ? -q : q, 6);
}

/** Marks r as computed from a and b (when r may differ from the exact result, or a or b already does). */
function derived(r: Exact, op: Source["op"], a: Exact, b: Exact): Exact {
  if (r === ZERO || r === EXACT_ONE) r = new Exact(r.i, r.s);
  r.src = new Source(op, a, b);
  return r;
}

/** A string of decimal digits plus one ("" + 1 = "1", "1299" → "1300", "999" → "1000"). */
function incremented(digits: string): string {
  let k = digits.length - 1;
  while (k >= 0 && digits.charCodeAt(k) === 57) k--; // trailing "9"s become "0"
  return (k < 0 ? "1" : digits.slice(0, k) + String.fromCharCode(digits.charCodeAt(k) + 1)) + "0".repeat(digits.length - 1 - k);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const safe = Number.isSafeInteger;

const POW10: bigint[] = [1n];
function pow10(k: number): bigint {
  for (let i = POW10.length; i <= k; i++) POW10.push(POW10[i - 1]! * 10n);
  return POW10[k]!;
}
/** 10^k as an exact double (k ≤ 22); larger shifts never give a safe integer anyway. */
const POW10_NUMBER = Array.from({ length: 23 }, (_, k) => 10 ** k);
const shiftNumber = (i: number, k: number): number => (k === 0 ? i : k < POW10_NUMBER.length ? i * POW10_NUMBER[k]! : NaN);

/** Inserts the decimal point into the digits of |n| and strips trailing zeros of the fraction. */
function withPoint(digits: string, s: number, negative: boolean): string {
  if (s > 0) {
    if (digits.length <= s) digits = "0".repeat(s - digits.length + 1) + digits;
    const whole = digits.slice(0, digits.length - s);
    let end = digits.length;
    while (end > whole.length && digits.charCodeAt(end - 1) === 48) end--;
    digits = end > whole.length ? `${whole}.${digits.slice(whole.length, end)}` : whole;
  }
  return negative ? `-${digits}` : digits;
}

/** The canonical text of n × 10^−s. */
export function plain(n: bigint, s: number): string {
  if (n === 0n) return "0";
  return withPoint((n < 0n ? -n : n).toString(), s, n < 0n);
}

/** The canonical text of i × 10^−s for a safe integer i. */
function plainNumber(i: number, s: number): string {
  if (i === 0) return "0";
  return withPoint(String(i < 0 ? -i : i), s, i < 0);
}

/** A canonical decimal of at most 6 places: its own text is already the rounded output. */
const CANONICAL_6 = /^-?(?:0|[1-9]\d*)(?:\.\d{0,5}[1-9])?$/;
const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Reads a stored value ("12345.67", "-3", "0.5"). Other spellings decimal.js accepts ("1e3", "+5") are
 * normalised through it. Returns null for null, "" and anything that is not a finite number: a value that
 * cannot be read is treated as missing rather than stopping the whole region's metrics.
 */
export function parseExact(text: string | null | undefined): Exact | null {
  if (text === null || text === undefined) return null;
  // The common case, scanned without a regular expression: -?\d+(\.\d+)? of at most 15 digits.
  const len = text.length;
  const negative = text.charCodeAt(0) === 45; // "-"
  const start = negative ? 1 : 0;
  let v = 0;
  let dot = -1;
  for (let k = start; k < len; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
    else if (c === 46 && dot < 0)
      dot = k; // "."
    else return parseOther(text);
  }
  const digits = len - start - (dot < 0 ? 0 : 1);
  if (digits === 0 || digits > 15 || dot === start || dot === len - 1) return parseOther(text);
  const scale = dot < 0 ? 0 : len - dot - 1;
  // CANONICAL_6: no leading zero but "0" itself, at most 6 decimals, the last one not zero, never "-0".
  const canonical =
    scale <= 6 &&
    (scale === 0 || text.charCodeAt(len - 1) !== 48) &&
    (text.charCodeAt(start) !== 48 || (dot < 0 ? len - start === 1 : dot === start + 1)) &&
    !(negative && v === 0);
  return new Exact(negative ? -v : v, scale, canonical ? text : undefined);
}

/** parseExact's other spellings: more than 15 digits, or anything decimal.js reads. */
function parseOther(text: string): Exact | null {
  const m = PLAIN.exec(text);
  if (!m) {
    if (text.trim() === "") return null;
    let d: Decimal;
    try {
      d = new Decimal(text.trim());
    } catch {
      return null;
    }
    return d.isFinite() ? fromDecimal(d) : null;
  }
  const frac = m[3] ?? "";
  const digits = m[2]! + frac;
  const reuse = text !== "-0" && CANONICAL_6.test(text) ? text : undefined;
  if (digits.length <= 15) {
    const v = Number(digits); // < 10^15: exact
    return new Exact(m[1] ? -v : v, frac.length, reuse);
  }
  const n = BigInt(digits);
  return new Exact(m[1] ? -n : n, frac.length, reuse);
}

/**
 * A finite decimal.js value as an exact value.
 * Reads decimal.js's documented read-only representation (digits `d` in base 10⁷ limbs, exponent `e` of the
 * leading digit, sign `s`) rather than printing and re-parsing the number.
 */
export function fromDecimal(d: Decimal): Exact {
  const limbs = d.d;
  let digits = String(limbs[0]);
  for (let k = 1; k < limbs.length; k++) digits += String(limbs[k]).padStart(7, "0");
  const scale = digits.length - 1 - d.e;
  if (scale >= 0 && digits.length <= 15) {
    const v = Number(digits);
    return new Exact(d.s < 0 ? -v : v, scale);
  }
  let n = BigInt(digits);
  if (scale < 0) n *= pow10(-scale);
  return new Exact(d.s < 0 ? -n : n, Math.max(scale, 0));
}

/**
 * a + sign × b on safe integers when that is exact (null otherwise: the caller redoes it in BigInt). Below 2^53
 * (fewer than 16 digits) a sum is also far from 40 digits, so the formula engine's rounding never applies.
 */
function safeSum(a: Exact, b: Exact, sign: 1 | -1): Exact | null {
  if (!safe(a.i) || !safe(b.i)) return null;
  const s = Math.max(a.s, b.s);
  const x = shiftNumber(a.i, s - a.s);
  const y = shiftNumber(b.i, s - b.s);
  const r = x + sign * y;
  // A true result beyond 2^53 can only round to a value ≥ 2^53, so these checks catch every inexact case.
  return safe(x) && safe(y) && safe(r) ? new Exact(r, s) : null;
}

/** a + sign × b exactly, as a BigInt scaled by 10^max(a.s, b.s). */
function bigSum(a: Exact, b: Exact, sign: 1 | -1): bigint {
  const s = Math.max(a.s, b.s);
  const x = a.n * pow10(s - a.s);
  const y = b.n * pow10(s - b.s);
  return sign === 1 ? x + y : x - y;
}

/** a − b, exact. */
export function subtract(a: Exact, b: Exact): Exact {
  return safeSum(a, b, -1) ?? new Exact(bigSum(a, b, -1), Math.max(a.s, b.s));
}

/**
 * a − b rounded half away from zero to 6 decimal places, as canonical text: sub(a, b).text6(), which for
 * quotients (Exact.src) is the rounding of the exact rational difference. Quotients and big integers are
 * subtracted in doubles when the result is clearly on one side of a rounding boundary (see roundedInDoubles).
 */
export function differenceText(a: Exact, b: Exact): string {
  return outText(difference6(a, b))!;
}

/** differenceText as text or a Scaled6 (see Exact.out6). */
export function difference6(a: Exact, b: Exact): string | Scaled6 {
  if (a.src !== undefined || b.src !== undefined || !safe(a.i) || !safe(b.i)) {
    const x = toDouble(a);
    const y = toDouble(b);
    const fast = roundedInDoublesScaled(x - y, Math.abs(x) + Math.abs(y));
    if (fast !== null) return fast;
  }
  return sub(a, b).out6();
}

/**
 * v rounded half away from zero to 6 places, when v is a double within a relative error of 2^−50 of
 * `magnitude` (the sum of the absolute values it was computed from, each read by toDouble: 2^−51, plus one
 * rounding of the difference) from the exact value and the rounding cannot go the other way; null when it might
 * (v·10⁶ within several times that error of a half, or too large for a safe integer). Outside that margin the
 * exact value, its 40-digit approximation and v round alike.
 */
function roundedInDoubles(v: number, magnitude: number): string | null {
  const q = roundedInDoublesScaled(v, magnitude);
  return q === null ? null : plainNumber(q, 6);
}

/** roundedInDoubles as a Scaled6. */
function roundedInDoublesScaled(v: number, magnitude: number): Scaled6 | null {
  const g = v * 1e6;
  const bound = magnitude * 1e6 * 2 ** -46;
  if (!Number.isFinite(g) || Math.abs(g) >= 2 ** 51 || Math.abs(g - Math.floor(g) - 0.5) <= bound) return null;
  const q = g < 0 ? -Math.floor(0.5 - g) : Math.floor(g + 0.5);
  return q === 0 ? 0 : q;
}

/**
 * current ÷ previous − 1 rounded half away from zero to 6 decimal places, as canonical text (0.0523 = +5.23 %).
 * null when either side is missing or the previous value is zero. The quotient is rounded once, exactly:
 * q = ⌊(2|a − b|·10⁶ + |b|) ÷ 2|b|⌋ with both sides scaled to one exponent. When either side was computed
 * through a 40-digit quotient (Exact.src), the growth of their exact rational values is rounded, so an exact
 * half such as (16/384) ÷ (16/381) − 1 = −0.0078125 gives −0.007813 (test/unit/metrics-halfway.test.ts).
 */
export function growthText(current: Exact | null, previous: Exact | null): string | null {
  return outText(growth6(current, previous));
}

/** growthText as text or a Scaled6 (see Exact.out6). */
export function growth6(current: Exact | null, previous: Exact | null): string | Scaled6 | null {
  if (current === null || previous === null) return null;
  const s = Math.max(current.s, previous.s);
  const inexact = current.src !== undefined || previous.src !== undefined;
  if (inexact || !safe(current.i) || !safe(previous.i)) {
    // Quotients (40 digits): in doubles, when the result is clearly on one side of a rounding boundary. Each
    // double carries a relative error below 2^−51 (reading, scaling), ÷ − × add three roundings: `bound` is
    // several times the worst total error of g, so outside it the rounding is the exact one.
    const base = toDouble(previous);
    const ratio = toDouble(current) / base;
    const g = (ratio - 1) * 1e6;
    const bound = (Math.abs(ratio) + 1) * 1e6 * 2 ** -46;
    if (Math.abs(base) > 1e-300 && Number.isFinite(g) && Math.abs(g) < 2 ** 51 && Math.abs(g - Math.floor(g) - 0.5) > bound) {
      const q = g < 0 ? -Math.floor(0.5 - g) : Math.floor(g + 0.5);
      return q === 0 ? 0 : q;
    }
  } else {
    if (previous.i === 0) return null;
    const a = shiftNumber(current.i, s - current.s);
    const b = shiftNumber(previous.i, s - previous.s);
    const num = (a - b) * 1_000_000;
    const an = num < 0 ? -num : num;
    const bn = b < 0 ? -b : b;
    const x = 2 * an + bn;
    const y = 2 * bn;
    if (safe(a) && safe(b) && safe(num) && safe(x + y)) {
      // x ÷ y < 2^52, so the double quotient's floor is off by at most one: correct it with the exact remainder.
      let q = Math.floor(x / y);
      const r = x - q * y;
      if (r < 0) q -= 1;
      else if (r >= y) q += 1;
      return q !== 0 && num < 0 !== b < 0 ? -q : q;
    }
  }
  if (inexact) {
    // Close to a rounding boundary: decide on the exact rational values (an exact half rounds away from zero).
    const c = fraction(current);
    const p = fraction(previous);
    if (c !== null && p !== null) {
      if (p[0] === 0n) return null;
      const num = (c[0] * p[1] - p[0] * c[1]) * (p[0] < 0n ? -1n : 1n);
      const den = c[1] * (p[0] < 0n ? -p[0] : p[0]);
      return halfUp6(num, den);
    }
  }
  const bBig = previous.n * pow10(s - previous.s);
  if (bBig === 0n) return null;
  const num = (current.n * pow10(s - current.s) - bBig) * 1_000_000n;
  const an = num < 0n ? -num : num;
  const bn = bBig < 0n ? -bBig : bBig;
  const q = (2n * an + bn) / (2n * bn);
  return plain(q !== 0n && num < 0n !== bBig < 0n ? -q : q, 6);
}

/** 10^k as the nearest double (read from text: correctly rounded), for k up to 400. */
const POW10_DOUBLE = Array.from({ length: 401 }, (_, k) => Number(`1e${k}`));

/** x as a double, within a relative error of 2^−51 (a correctly rounded read, one scaling). */
function toDouble(x: Exact): number {
  const n = safe(x.i) ? x.i : Number(x.n);
  return x.s < POW10_DOUBLE.length ? n / POW10_DOUBLE[x.s]! : Number(x.text());
}

// ── Arithmetic with the formula engine's rounding ──────────────────────────────────────────────────────────
//
// The formula language is specified by app/_domain/formula/evaluate.ts on decimal.js with 40 significant
// digits, ROUND_HALF_UP: each +, −, ×, ÷ is the exact result rounded once to 40 significant digits. These
// functions compute the same results on scaled integers, an order of magnitude faster than decimal.js, so the
// metrics engine can evaluate formulas for 5,000 institutions quickly. test/unit/metrics-exact.test.ts checks
// them against decimal.js, operation by operation and formula by formula.

const PRECISION = 40;

/** Decimal digits of |n| (n ≠ 0): a search over powers of ten, much cheaper than printing a big integer. */
function digitCount(n: bigint): number {
  if (n < 0n) n = -n;
  if (n <= MAX_SAFE) return String(Number(n)).length;
  let lo = 16; // n ≥ 2^53 > 10^15: at least 16 digits
  let hi = 32;
  while (n >= pow10(hi)) hi *= 2;
  // 10^(lo−1) ≤ n < 10^hi: find the least k with n < 10^k.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (n < pow10(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** n × 10^−s rounded half away from zero to 40 significant digits (decimal.js ROUND_HALF_UP). */
function rounded(n: bigint, s: number): Exact {
  if (n === 0n) return ZERO;
  const extra = digitCount(n) - PRECISION;
  let inexact = false;
  if (extra > 0) {
    const d = pow10(extra);
    const half = d / 2n;
    inexact = n % d !== 0n;
    n = n < 0n ? -((-n + half) / d) : (n + half) / d;
    s -= extra;
  }
  if (s < 0) {
    n *= pow10(-s);
    s = 0;
  }
  const r = new Exact(n, s);
  if (inexact) r.src = ROUNDED;
  return r;
}

/** A placeholder source: "rounded at 40 digits", replaced by the real source by the caller (derived). */
const ROUNDED: Source = new Source("add", null!, null!, null);

const ZERO = new Exact(0, 0);
export const EXACT_ONE = new Exact(1, 0);

/** A number of the formula text (e.g. "10000", "0.5"), as decimal.js would hold it. */
export function exactLiteral(text: string): Exact {
  const e = parseExact(text);
  if (e === null) throw new Error(`无效的数值 ${text}`);
  const r = rounded(e.n, e.s);
  r.src = undefined; // a literal is what decimal.js holds of it
  return r;
}

export function exactFromInteger(k: number): Exact {
  return new Exact(k, 0);
}

// Each result that may differ from the exact one (rounded at 40 digits, or computed from such a value) records
// its source, so that output rounding can fall back on the exact rational value (see Exact.src).

export function add(a: Exact, b: Exact): Exact {
  const r = safeSum(a, b, 1) ?? rounded(bigSum(a, b, 1), Math.max(a.s, b.s));
  return a.src !== undefined || b.src !== undefined || r.src === ROUNDED ? derived(r, "add", a, b) : r;
}

export function sub(a: Exact, b: Exact): Exact {
  const r = safeSum(a, b, -1) ?? rounded(bigSum(a, b, -1), Math.max(a.s, b.s));
  return a.src !== undefined || b.src !== undefined || r.src === ROUNDED ? derived(r, "sub", a, b) : r;
}

export function mul(a: Exact, b: Exact): Exact {
  let r: Exact | undefined;
  if (safe(a.i) && safe(b.i)) {
    const p = a.i * b.i;
    if (safe(p)) r = new Exact(p, a.s + b.s);
  }
  r ??= rounded(a.n * b.n, a.s + b.s);
  return a.src !== undefined || b.src !== undefined || r.src === ROUNDED ? derived(r, "mul", a, b) : r;
}

export function neg(a: Exact): Exact {
  const r = safe(a.i) ? new Exact(a.i === 0 ? 0 : -a.i, a.s) : new Exact(-a.n, a.s);
  return a.src !== undefined ? derived(r, "neg", a, a) : r;
}

/** a ÷ b rounded to 40 significant digits; null when b is zero. */
export function div(a: Exact, b: Exact): Exact | null {
  if (b.i === 0) return null;
  if (a.i === 0) return ZERO;
  // a ÷ b = (A ÷ B) × 10^(b.s − a.s) with A, B the scaled integers (|·|), dA, dB their digit counts.
  // (magnitude's results in variables, not an array per operand: see Source on allocation-site pretenuring.)
  const A = magnitude(a);
  const dA = magnitudeDigits;
  const aNegative = a.i < 0 || (!safe(a.i) && a.n < 0n);
  const B = magnitude(b);
  const dB = magnitudeDigits;
  const bNegative = b.i < 0 || (!safe(b.i) && b.n < 0n);
  // Enough digits: 41 significant (one guard digit) plus one for the estimate of the quotient's length.
  const k = Math.max(0, PRECISION + 2 - (dA - dB));
  let q = (A * pow10(k)) / B;
  let s = k + a.s - b.s;
  // 10^(dA−1+k−dB) < A·10^k ÷ B < 10^(dA+k−dB+1): q has dA + k − dB digits, or one more (≥ 42 either way).
  const estimate = dA + k - dB;
  const extra = (q >= pow10(estimate) ? estimate + 1 : estimate) - PRECISION;
  // Round half up on the dropped digits. The remainder of the division (the digits beyond) cannot change the
  // decision: below half, dropped + 1 ≤ half; at exactly half, half-up rounds up.
  const d = pow10(extra);
  const dropped = q % d;
  q = q / d;
  if (dropped * 2n >= d) q += 1n;
  s -= extra;
  // q + 1 can carry into a 41st digit (999… → 1000…): one digit fewer, same value.
  if (q === pow10(PRECISION)) {
    q = pow10(PRECISION - 1);
    s -= 1;
  }
  if (s < 0) {
    q *= pow10(-s);
    s = 0;
  }
  // Every quotient keeps its source (cheaper than asking whether the division was exact).
  return derived(new Exact(aNegative !== bNegative ? -q : q, s), "div", a, b);
}

/** The number of digits of the last magnitude() (x ≠ 0). */
let magnitudeDigits = 0;

/** |x|'s scaled integer as a BigInt; its number of digits (x ≠ 0) in magnitudeDigits. */
function magnitude(x: Exact): bigint {
  if (safe(x.i)) {
    const abs = x.i < 0 ? -x.i : x.i;
    let digits = 1;
    while (digits < POW10_NUMBER.length && abs >= POW10_NUMBER[digits]!) digits++;
    magnitudeDigits = digits;
    return BigInt(abs);
  }
  const n = x.n < 0n ? -x.n : x.n;
  magnitudeDigits = digitCount(n);
  return n;
}
