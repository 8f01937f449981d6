import { describe, expect, it } from "vitest";
import { Decimal } from "@/app/_domain/formula";
import {
  difference6,
  differenceText,
  div,
  fromDecimal,
  growth6,
  growthText,
  outText,
  parseExact,
  scaledText,
  sub,
  subtract,
  writeScaled6,
} from "@/app/_domain/metrics/exact";
import { seeded } from "../helpers/seeded";

/**
 * The scaled-integer arithmetic behind the metrics' hot path, against decimal.js: both the safe-integer path
 * (numbers) and the BigInt path (more than 15 digits, or intermediate results beyond 2^53).
 */
const canonical6 = (d: Decimal) => {
  const r = d.toDecimalPlaces(6);
  return r.isZero() ? "0" : r.toFixed();
};
const exact = (text: string) => parseExact(text)!;

describe("Exact", () => {
  it("reads stored values, keeps canonical text, and treats non-numbers as missing", () => {
    expect(exact("12345.67").text()).toBe("12345.67");
    expect(exact("2.50").text()).toBe("2.5");
    expect(exact("-0").text()).toBe("0");
    expect(exact("007").text()).toBe("7");
    expect(exact("1e3").text()).toBe("1000");
    expect(exact("123456789012345678901234.123456").text()).toBe("123456789012345678901234.123456");
    for (const bad of [null, "", "  ", "abc", "NaN", "Infinity", "1,234"]) expect(parseExact(bad)).toBeNull();
  });

  it("rounds to 6 places half away from zero (四舍五入), on both paths", () => {
    expect(exact("0.0000005").text6()).toBe("0.000001");
    expect(exact("-0.0000005").text6()).toBe("-0.000001");
    expect(exact("0.00000049").text6()).toBe("0");
    expect(exact("-0.00000049").text6()).toBe("0");
    expect(exact("99999999999999999999.9999995").text6()).toBe("100000000000000000000");
  });

  it("turns engine results into exact values without loss", () => {
    for (const t of ["0", "-0", "1", "15000", "0.1", "-1234.5", "1e25", "1e-30", "78.04878048780487804878048780487804878049"]) {
      const d = new Decimal(t);
      expect(fromDecimal(d).text(), t).toBe(d.isZero() ? "0" : d.toFixed());
    }
    expect(fromDecimal(new Decimal(2).div(3)).text()).toBe("0.6666666666666666666666666666666666666667");
  });

  it("subtracts and computes growth exactly like decimal.js, for small and huge values (seeded)", () => {
    const rand = seeded(7);
    const value = () => {
      const digits = 1 + Math.floor(rand() * (rand() < 0.3 ? 24 : 12));
      let s = String(1 + Math.floor(rand() * 9));
      for (let i = 1; i < digits; i++) s += String(Math.floor(rand() * 10));
      const places = Math.min(Math.floor(rand() * 8), digits - 1);
      const text = places > 0 ? `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}` : s;
      return rand() < 0.2 ? `-${text}` : rand() < 0.05 ? "0" : text;
    };
    for (let k = 0; k < 3000; k++) {
      const a = value();
      const b = rand() < 0.2 ? a : value();
      const da = new Decimal(a);
      const db = new Decimal(b);
      const diff = da.minus(db);
      expect(subtract(exact(a), exact(b)).text(), `${a} − ${b}`).toBe(diff.isZero() ? "0" : diff.toFixed());
      const g = growthText(exact(a), exact(b));
      if (db.isZero()) expect(g).toBeNull();
      // decimal.js rounds the quotient at 40 digits first; for these operands that never changes the 6th place
      else expect(g, `${a} ÷ ${b} − 1`).toBe(canonical6(da.div(db).minus(1)));
    }
  });

  it("growth: null for a missing side or a zero base, exact halves rounded away from zero", () => {
    expect(growthText(null, exact("1"))).toBeNull();
    expect(growthText(exact("1"), null)).toBeNull();
    expect(growthText(exact("1"), exact("0"))).toBeNull();
    expect(growthText(exact("1.0000005"), exact("1"))).toBe("0.000001");
    expect(growthText(exact("0.9999995"), exact("1"))).toBe("-0.000001");
    expect(growthText(exact("5"), exact("-10"))).toBe("-1.5");
    expect(growthText(exact("123456789012345678901"), exact("3"))).toBe("41152263004115226299.333333");
  });

  it("growth of quotient-sized values (beyond 2^53): in doubles when safe, exactly at a rounding boundary", () => {
    // Exact halves at the 7th decimal: the doubles cannot decide them, so the exact path answers.
    expect(growthText(exact("800010000000000000"), exact("800000000000000000"))).toBe("0.000013");
    expect(growthText(exact("799990000000000000"), exact("800000000000000000"))).toBe("-0.000013");
    expect(growthText(exact("0.80001000000000000000000000000000001"), exact("0.8"))).toBe("0.000013");
    expect(growthText(exact("0.80000999999999999999999999999999999"), exact("0.8"))).toBe("0.000012");
    // 40-digit quotients against decimal.js.
    const rand = seeded(11);
    for (let k = 0; k < 2000; k++) {
      const a = new Decimal(Math.floor(rand() * 1e9) + 1).div(Math.floor(rand() * 1e6) + 1);
      const b = rand() < 0.1 ? a.times("1.0000005") : new Decimal(Math.floor(rand() * 1e9) + 1).div(Math.floor(rand() * 1e6) + 1);
      expect(growthText(exact(a.toFixed()), exact(b.toFixed())), `${a} ÷ ${b}`).toBe(canonical6(a.div(b).minus(1)));
    }
  });

  it("rounds 40-digit values to 6 places, carrying through nines", () => {
    expect(exact("0.99999999999999999999999999999999999").text6()).toBe("1");
    expect(exact("-0.99999999999999999999999999999999999").text6()).toBe("-1");
    expect(exact("12.3456784999999999999999999").text6()).toBe("12.345678");
    expect(exact("12.3456785000000000000000001").text6()).toBe("12.345679");
    expect(exact("-0.0000004999999999999999999").text6()).toBe("0");
    expect(exact("0.0000005000000000000000000001").text6()).toBe("0.000001");
  });

  /** p ÷ q (q > 0) rounded half away from zero to 6 places, in BigInt: the reference for quotients. */
  const halfUp6 = (p: bigint, q: bigint) => {
    const m = ((p < 0n ? -p : p) * 2_000_000n + q) / (2n * q);
    return canonical6(new Decimal((p < 0n ? -m : m).toString()).div(1_000_000));
  };

  it("rounds quotients to 6 places in doubles only where that cannot differ from the exact rounding (seeded)", () => {
    const rand = seeded(12);
    const int = (n: number) => BigInt(Math.floor(rand() * n));
    for (let k = 0; k < 3000; k++) {
      // p ÷ q, and p ÷ q exactly half-way at the 7th decimal: (2m + 1) ÷ (2·10⁶·d) · d with an odd d.
      const half = k % 3 === 0;
      const d = int(1000) * 2n + 3n;
      const q = half ? 2_000_000n * d : int(1e6) + 1n;
      const p = half ? (int(4e9) * 2n + 1n) * d - (k % 2 ? 4_000_000_000n * d : 0n) : int(1e12) - int(5e11);
      const x = div(exact(p.toString()), exact(q.toString()))!;
      expect(x.text6(), `${p} ÷ ${q}`).toBe(halfUp6(p, q));
    }
  });

  it("differences of quotients: in doubles where safe, the exact rational difference's rounding otherwise (seeded)", () => {
    const rand = seeded(13);
    const int = (n: number) => BigInt(Math.floor(rand() * n));
    for (let k = 0; k < 3000; k++) {
      // b = u ÷ v (v odd and no multiple of 5: no finite decimal); a = b + h, h random or half-way at the 7th decimal.
      let v = int(20000) * 2n + 3n;
      if (v % 5n === 0n) v += 2n;
      const u = int(1e9) - int(2e8);
      const [hn, hd] = k % 2 === 0 ? [int(4e9) * 2n + 1n - 4_000_000_000n, 2_000_000n] : [int(1e9) - int(5e8), int(1e6) + 1n];
      const an = u * hd + hn * v;
      const ad = v * hd;
      const a = div(exact(an.toString()), exact(ad.toString()))!;
      const b = div(exact(u.toString()), exact(v.toString()))!;
      const expected = halfUp6(hn, hd); // a − b = h exactly
      expect(differenceText(a, b), `${an}/${ad} − ${u}/${v}`).toBe(expected);
      expect(sub(a, b).text6()).toBe(expected);
    }
    // Reported values (no quotient): exact.
    expect(differenceText(exact("12.5"), exact("12.4999995"))).toBe("0.000001");
    expect(differenceText(exact("-0.0000005"), exact("0"))).toBe("-0.000001");
    expect(differenceText(exact("123456789012345678.25"), exact("0.0000005"))).toBe("123456789012345678.25"); // …2499995, half up
  });

  it("Scaled6 outputs: the same texts as text6, growthText and differenceText, written into bytes alike (seeded)", () => {
    const rand = seeded(14);
    const bytes = new Uint8Array(32);
    const written = (q: number) => new TextDecoder().decode(bytes.subarray(0, writeScaled6(bytes, 0, q)));
    const edges = [0, -0, 1, -1, 999_999, 1_000_000, -1_000_000, 1_000_001, 10 ** 15, 2 ** 51 - 1, -(2 ** 53 - 1), 2 ** 53 - 1];
    for (const q of edges) expect(written(q), String(q)).toBe(scaledText(q));
    const texts = ["0", "-0", "12.5", "-3", "0.000001", "7.000000", "1234567.891", "-0.0000005", "123456789012345678.25"];
    for (let k = 0; k < 4000; k++) {
      const q = Math.round((rand() - 0.5) * 2 * 10 ** Math.floor(rand() * 16));
      expect(written(q), String(q)).toBe(scaledText(q));
      texts.push((((rand() - 0.5) * 10 ** Math.floor(rand() * 12)) / 10 ** Math.floor(rand() * 9)).toFixed(Math.floor(rand() * 9)));
    }
    const values = texts.map(exact);
    // Quotients too (40 digits, with a source).
    for (let k = 0; k < 200; k++) values.push(div(values[k]!, values[(k * 7 + 3) % 200]!) ?? values[k]!);
    for (let k = 0; k < values.length; k++) {
      const a = values[k]!;
      const b = values[(k * 13 + 5) % values.length]!;
      const out = a.out6();
      expect(outText(out)).toBe(a.text6());
      if (typeof out === "number") expect(written(out)).toBe(a.text6());
      expect(outText(growth6(a, b))).toBe(growthText(a, b));
      expect(outText(difference6(a, b))).toBe(differenceText(a, b));
    }
  });
});
