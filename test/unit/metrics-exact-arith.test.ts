import { describe, expect, it } from "vitest";
import { Decimal } from "@/app/_domain/formula/decimal";
import { add, div, mul, neg, parseExact, sub, type Exact } from "@/app/_domain/metrics/exact";
import { seeded } from "../helpers/seeded";

/** The engine's scaled-integer arithmetic must give decimal.js's results (40 digits, ROUND_HALF_UP) exactly. */
const rand = seeded(20261123);
function randomText(): string {
  const kind = rand();
  const digits = (n: number) => Array.from({ length: n }, (_, i) => String(Math.floor(rand() * 10) || (i === 0 ? 1 : 0))).join("");
  const sign = rand() < 0.3 ? "-" : "";
  if (kind < 0.1) return sign + "0";
  if (kind < 0.4) return sign + digits(1 + Math.floor(rand() * 12)) + (rand() < 0.7 ? "." + digits(1 + Math.floor(rand() * 6)) : "");
  if (kind < 0.7) return sign + "0." + "0".repeat(Math.floor(rand() * 8)) + digits(1 + Math.floor(rand() * 10));
  // Long values, as quotients are: up to 40 significant digits.
  return sign + digits(1 + Math.floor(rand() * 20)) + "." + digits(1 + Math.floor(rand() * 25));
}

const text = (e: Exact | null) => (e === null ? null : e.text());
const dec = (d: Decimal) => (d.isZero() ? "0" : d.toFixed());

describe("Exact arithmetic = decimal.js at 40 significant digits, ROUND_HALF_UP", () => {
  it("for +, −, ×, ÷ and negation over 5,000 random pairs", { timeout: 60_000 }, () => {
    for (let k = 0; k < 5_000; k++) {
      const [x, y] = [randomText(), randomText()];
      const a = parseExact(x)!;
      const b = parseExact(y)!;
      const [da, db] = [new Decimal(x), new Decimal(y)];
      expect(text(add(a, b)), `${x} + ${y}`).toBe(dec(da.plus(db)));
      expect(text(sub(a, b)), `${x} − ${y}`).toBe(dec(da.minus(db)));
      expect(text(mul(a, b)), `${x} × ${y}`).toBe(dec(da.mul(db)));
      expect(text(div(a, b)), `${x} ÷ ${y}`).toBe(db.isZero() ? null : dec(da.div(db)));
      expect(text(neg(a))).toBe(dec(da.neg()));
    }
  });

  it("for chains that reach 40 digits (quotients multiplied, added, divided again)", { timeout: 60_000 }, () => {
    for (let k = 0; k < 5_000; k++) {
      const [x, y, z] = [randomText(), randomText(), randomText()];
      const [a, b, c] = [parseExact(x)!, parseExact(y)!, parseExact(z)!];
      const [da, db, dc] = [new Decimal(x), new Decimal(y), new Decimal(z)];
      if (db.isZero() || dc.isZero()) continue;
      const q = div(a, b)!;
      expect(text(mul(q, parseExact("100")!))).toBe(dec(da.div(db).mul(100)));
      expect(text(div(q, c))).toBe(dec(da.div(db).div(dc)));
      expect(text(sub(q, parseExact("1")!))).toBe(dec(da.div(db).minus(1)));
      expect(text(add(q, mul(q, c)))).toBe(dec(da.div(db).plus(da.div(db).mul(dc))));
    }
  });

  it("rounds half up at the 40th digit: 2 ÷ 3, 1 ÷ 7, −1 ÷ 3, 5 ÷ 9 × 10^-30", () => {
    expect(text(div(parseExact("2")!, parseExact("3")!))).toBe("0." + "6".repeat(39) + "7");
    expect(text(div(parseExact("-1")!, parseExact("3")!))).toBe("-0." + "3".repeat(40));
    expect(text(div(parseExact("1")!, parseExact("7")!))).toBe(new Decimal(1).div(7).toFixed());
  });

  it("carries a rounded-up quotient of forty nines into the next digit (…999.5 → 1000…), both signs", () => {
    const cases: [string, string][] = [
      ["99999999999999999999999999999999999999995", "1"],
      ["-99999999999999999999999999999999999999995", "10"],
      ["9999999999999999999999999999999999999999.7", "0.001"],
      ["199999999999999999999999999999999999999999", "2"],
      ["1", "1.0000000000000000000000000000000000000000001"],
    ];
    for (const [x, y] of cases) expect(text(div(parseExact(x)!, parseExact(y)!)), `${x} ÷ ${y}`).toBe(dec(new Decimal(x).div(y)));
  });

  it("reads plain decimals like decimal.js, keeping only canonical text as the value's own", () => {
    for (const x of [
      "0",
      "-0",
      "7",
      "-7",
      "007",
      "0.5",
      "-0.5",
      "00.50",
      "12.340",
      "1234567.123456",
      "1234567.1234567",
      "123456789012345",
      "1234567890123456",
      "-999999999999999.9",
      "5.",
      ".5",
      "1.2.3",
      "+5",
      "1e3",
      " 12 ",
      "-",
    ]) {
      const parsed = parseExact(x);
      let reference: string | null;
      try {
        reference = dec(new Decimal(x.trim()));
      } catch {
        reference = null;
      }
      expect(text(parsed), x).toBe(reference);
    }
    // The same value, a new text for a non-canonical spelling.
    expect(parseExact("12.340")!.text6()).toBe("12.34");
    expect(parseExact("-0")!.text6()).toBe("0");
  });
});
