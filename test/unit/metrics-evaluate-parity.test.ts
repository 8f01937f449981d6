import { describe, expect, it } from "vitest";
import type { Scheme } from "@/app/_domain/catalogue";
import { BUILT_IN_CATALOGUES } from "@/app/_domain/catalogues";
import { evaluate, parseFormula } from "@/app/_domain/formula";
import { evaluateExact } from "@/app/_domain/metrics/compute-metrics";
import { parseExact } from "@/app/_domain/metrics/exact";
import { Decimal } from "@/app/_domain/formula/decimal";
import { seeded } from "../helpers/seeded";

/**
 * The engine's formula evaluator (exact integers, month indexes) and the formula language's reference evaluator
 * (app/_domain/formula/evaluate.ts, decimal.js, period strings) give the same value for every formula of the
 * catalogue and a set of nested ones, over many random inputs — including missing ones and zeros.
 */
const monthIndex = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;

const formulas = [
  ...new Set(BUILT_IN_CATALOGUES.flatMap((c) => c.indicators.flatMap((i) => (i.formula ? [i.formula] : [])))),
  "PREV_YEAR(YOY(FI03)) * 100",
  "SUM(FI03, -FI04, 2.5 * FE01) / AVG_MONTHLY(FE02)",
  "MOM(RATIO(FI03, FE01)) + TIME_PROGRESS() - MONTHS_ELAPSED() / 7",
  "PER_1000(FI03 - FE01, PREV_MONTH(FE01)) * PCT(FI04, 3)",
  "FI03.EMPLOYEE / (FI04.RESIDENT - FI04.RESIDENT)",
  "BY_SCHEME(YOY(FI03), PREV_MONTH(FE02) / 0, BY_SCHEME(1, 2, AVG_MONTHLY(FE01) - 3)) * 100",
];

describe("engine formula evaluator = reference evaluator", () => {
  it(`for ${formulas.length} formulas × 400 random input sets`, { timeout: 60_000 }, () => {
    const rand = seeded(7);
    for (let round = 0; round < 400; round++) {
      const cache = new Map<string, string | null>();
      const input = (code: string, scheme: Scheme, t: number): string | null => {
        const key = `${code}|${scheme}|${t}`;
        if (!cache.has(key)) {
          const r = rand();
          cache.set(key, r < 0.05 ? null : r < 0.1 ? "0" : `${Math.floor(rand() * 1e7)}.${Math.floor(rand() * 1e6)}`);
        }
        return cache.get(key)!;
      };
      const period = `${2023 + Math.floor(rand() * 3)}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}`;
      for (const text of formulas) {
        const parsed = parseFormula(text);
        if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
        for (const scheme of ["EMPLOYEE", "RESIDENT", "TOTAL"] as Scheme[]) {
          const reference = evaluate(parsed.ast, {
            period,
            scheme,
            value: (code, s, _offset, p) => {
              const v = input(code, s, monthIndex(p));
              return v === null ? null : new Decimal(v);
            },
          });
          const engine = evaluateExact(parsed.ast, monthIndex(period), scheme, (code, s, t) => parseExact(input(code, s, t)));
          expect(engine === null ? null : engine.text(), `${text} (${scheme}, ${period})`).toBe(
            reference === null ? null : reference.toFixed(),
          );
        }
      }
    }
  });
});
