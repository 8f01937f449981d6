import { describe, expect, it } from "vitest";
import type { IndicatorDef, Scheme, ValueBasis } from "@/app/_domain/catalogue";
import { Decimal, evaluate, parseFormula } from "@/app/_domain/formula";
import { computeRegionMetrics, type AcceptedRows, type MetricRow } from "@/app/_domain/metrics";
import { makePeriod, shiftPeriod } from "@/app/_domain/periods";
import { seeded } from "../helpers/seeded";

/**
 * Property tests of the metrics engine with hand-rolled seeded generation (no new dependency): a failure
 * reproduces from its seed, which is part of each assertion message.
 */
function def(code: string, basis: ValueBasis, formula: string | null = null, o: Partial<IndicatorDef> = {}): IndicatorDef {
  return {
    code,
    category: "测试",
    nameZh: code,
    nameEn: null,
    unit: "万元",
    frequency: "MONTHLY",
    schemes: ["TOTAL"],
    scope: "REGION",
    basis,
    formula,
    minValue: null,
    maxValue: null,
    definition: null,
    tag: "NATIONAL_REQUIRED",
    evidence: null,
    ...o,
  };
}

const ER: Scheme[] = ["EMPLOYEE", "RESIDENT", "TOTAL"];
const CATALOGUE: IndicatorDef[] = [
  def("FL", "FLOW", null, { schemes: ER }),
  def("FM", "FLOW"),
  def("ST", "STOCK"),
  def("RT", "RATE", null, { unit: "%" }),
  def("IF", "FLOW", null, { scope: "INSTITUTION" }),
  def("IS", "STOCK", null, { scope: "INSTITUTION" }),
  def("D1", "FLOW", "FL.EMPLOYEE + FL.RESIDENT - FM"),
  def("D2", "RATE", "FL / FM", { schemes: ER }),
  def("D3", "RATE", "YOY(FL) * 100", { schemes: ER }),
  def("D4", "RATE", "ST / AVG_MONTHLY(FM)"),
  def("D5", "FLOW", "D1 * 2 + PREV_MONTH(FM)"),
  def("D6", "RATE", "PCT(IF, FM)", { scope: "INSTITUTION" }),
  def("D7", "RATE", "IS / IF + MOM(RT)", { scope: "INSTITUTION" }),
  def("D8", "RATE", "PCT(FL, BY_SCHEME(FM.TOTAL * 2, ST.TOTAL, FL.EMPLOYEE + FM))", { schemes: ER }),
];
const INSTITUTIONS = [
  { code: "H1", level: "LEVEL_3" },
  { code: "H2", level: "LEVEL_2" },
];
const PERIODS = Array.from({ length: 36 }, (_, i) => makePeriod(2023, 1 + i));

/** Random sheets for 2023–2025: YTD flows that mostly grow, with gaps, zeros and up to 6 decimal places. */
function randomSheets(seed: number, missing = 0.08, gaps = 0.05): Map<string, AcceptedRows> {
  const rand = seeded(seed);
  const amount = (scale: number) => {
    const r = rand();
    if (r < 0.04) return "0";
    const places = Math.floor(rand() * 7);
    return new Decimal(Math.floor(rand() * scale * 10 ** places)).div(10 ** places).toFixed();
  };
  const ytd = new Map<string, Decimal>();
  const out = new Map<string, AcceptedRows>();
  for (const period of PERIODS) {
    if (rand() < gaps) continue; // a month without an accepted sheet
    const january = period.endsWith("-01");
    const rows: AcceptedRows["rows"][number][] = [];
    const cell = (code: string, scheme: Scheme, institutionCode: string | null, flow: boolean) => {
      const key = `${code}|${scheme}|${institutionCode}`;
      if (flow) {
        const next = (january ? new Decimal(0) : (ytd.get(key) ?? new Decimal(0))).plus(amount(1000)).minus(rand() < 0.1 ? amount(300) : 0);
        ytd.set(key, next);
        rows.push({ indicatorCode: code, scheme, institutionCode, value: rand() < missing ? null : next.toFixed() });
      } else {
        const v = new Decimal(amount(5000)).minus(rand() < 0.1 ? 2500 : 0);
        rows.push({ indicatorCode: code, scheme, institutionCode, value: rand() < missing ? null : v.toFixed() });
      }
    };
    for (const s of ER) cell("FL", s, null, true);
    cell("FM", "TOTAL", null, true);
    cell("ST", "TOTAL", null, false);
    cell("RT", "TOTAL", null, false);
    for (const { code } of INSTITUTIONS) {
      cell("IF", "TOTAL", code, true);
      cell("IS", "TOTAL", code, false);
    }
    out.set(period, { versionId: `${period}#${Math.floor(rand() * 1000)}`, rows });
  }
  return out;
}

const compute = (accepted: Map<string, AcceptedRows>, periods = PERIODS) =>
  computeRegionMetrics({ catalogue: CATALOGUE, institutions: INSTITUTIONS, accepted, periods });
const key = (r: MetricRow) => `${r.period}|${r.indicatorCode}|${r.scheme}|${r.institutionCode ?? ""}`;
const canonical = (d: Decimal) => {
  const r = d.toDecimalPlaces(6);
  return r.isZero() ? "0" : r.toFixed();
};
const SEEDS = [1, 2, 3, 42, 2025];

describe("metrics properties (seeded)", () => {
  it("the 12 month values of a FLOW input add up to December's ytd", () => {
    for (const seed of SEEDS) {
      const rows = compute(randomSheets(seed, 0, 0));
      const byKey = new Map(rows.map((r) => [key(r), r]));
      let checked = 0;
      for (const year of [2023, 2024, 2025]) {
        for (const [code, scheme, inst] of [
          ["FL", "EMPLOYEE", ""],
          ["FL", "TOTAL", ""],
          ["FM", "TOTAL", ""],
          ["IF", "TOTAL", "H1"],
          ["IF", "TOTAL", "H2"],
        ]) {
          const months = Array.from({ length: 12 }, (_, i) => byKey.get(`${makePeriod(year, i + 1)}|${code}|${scheme}|${inst}`)!);
          if (months.some((r) => r.month === null)) continue; // a month without a sheet breaks the chain (month null)
          const sum = months.reduce((s, r) => s.plus(r.month!), new Decimal(0));
          expect(canonical(sum), `seed ${seed} ${year} ${code}.${scheme}@${inst}`).toBe(months[11]!.ytd);
          checked++;
        }
      }
      expect(checked, `seed ${seed}`).toBeGreaterThan(0);
    }
  });

  it("computing one period alone gives exactly that period of a full recompute (lineage included)", () => {
    for (const seed of SEEDS.slice(0, 3)) {
      const accepted = randomSheets(seed);
      const full = compute(accepted);
      for (const period of PERIODS) {
        const alone = compute(accepted, [period]);
        expect(alone, `seed ${seed} ${period}`).toEqual(full.filter((r) => r.period === period));
      }
    }
  });

  it("recomputing gives identical output, whatever the order the periods are asked in", () => {
    for (const seed of SEEDS) {
      const accepted = randomSheets(seed);
      const a = JSON.stringify(compute(accepted));
      expect(JSON.stringify(compute(accepted)), `seed ${seed}`).toBe(a);
      const reversed = compute(accepted, [...PERIODS].reverse());
      const sorted = [...reversed].sort((x, y) => (x.period < y.period ? -1 : x.period > y.period ? 1 : 0));
      expect(JSON.stringify(sorted), `seed ${seed}`).toBe(a);
    }
  });

  it("input rows agree with a plain Decimal recomputation of the §4 rules", () => {
    for (const seed of SEEDS) {
      const rows = compute(randomSheets(seed));
      const byKey = new Map(rows.map((r) => [key(r), r]));
      const row = (r: MetricRow, months: number) =>
        byKey.get(`${shiftPeriod(r.period, { years: 0, months })}|${r.indicatorCode}|${r.scheme}|${r.institutionCode ?? ""}`);
      const growth = (a: string | null, b: string | null) =>
        a === null || b === null || new Decimal(b).isZero() ? null : canonical(new Decimal(a).div(b).minus(1));
      for (const r of rows) {
        const d = CATALOGUE.find((x) => x.code === r.indicatorCode)!;
        if (d.formula !== null) continue;
        const msg = `seed ${seed} ${key(r)}`;
        const lastYear = row(r, -12);
        if (lastYear) expect(r.prevYearYtd, msg).toBe(lastYear.ytd);
        expect(r.yoy, msg).toBe(growth(r.ytd, r.prevYearYtd));
        const prev = row(r, -1);
        if (d.basis === "FLOW" && !r.period.endsWith("-01") && prev) {
          expect(r.month, msg).toBe(r.ytd === null || prev.ytd === null ? null : canonical(new Decimal(r.ytd).minus(prev.ytd)));
        } else {
          expect(r.month, msg).toBe(r.ytd);
        }
        if (prev) expect(r.mom, msg).toBe(growth(r.month, prev.month));
      }
    }
  });

  it("derived ytd values equal the formula engine evaluated directly over the rows' ytd", () => {
    for (const seed of SEEDS) {
      const accepted = randomSheets(seed);
      const rows = compute(accepted);
      // reference: evaluate each formula with the reported values, one level deep (D5 reads D1: evaluated too)
      const reported = new Map<string, string | null>();
      for (const [period, sheet] of accepted)
        for (const c of sheet.rows) reported.set(`${c.indicatorCode}|${c.scheme}|${c.institutionCode ?? ""}|${period}`, c.value);
      const ref = (code: string, scheme: Scheme, inst: string, period: string): Decimal | null => {
        const d = CATALOGUE.find((x) => x.code === code);
        if (!d || !d.schemes.includes(scheme)) return null;
        const i = d.scope === "INSTITUTION" ? inst : "";
        if (d.formula === null) {
          const v = reported.get(`${code}|${scheme}|${i}|${period}`);
          return v === undefined || v === null ? null : new Decimal(v);
        }
        if (period < "2023-01") return null;
        const parsed = parseFormula(d.formula);
        if (!parsed.ok) throw new Error(parsed.error.message);
        return evaluate(parsed.ast, { period, scheme, value: (c, s, _o, p) => ref(c, s, i, p) });
      };
      for (const r of rows) {
        const d = CATALOGUE.find((x) => x.code === r.indicatorCode)!;
        if (d.formula === null) continue;
        const v = ref(r.indicatorCode, r.scheme, r.institutionCode ?? "", r.period);
        expect(r.ytd, `seed ${seed} ${key(r)}`).toBe(v === null ? null : canonical(v));
      }
    }
  });

  it("never writes NaN, Infinity, exponents, -0 or trailing zeros", () => {
    const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d{0,5}[1-9])?$/;
    for (const seed of SEEDS) {
      for (const r of compute(randomSheets(seed))) {
        for (const v of [r.ytd, r.month, r.prevYearYtd, r.yoy, r.mom])
          if (v !== null) expect(v, `seed ${seed} ${key(r)}`).toMatch(CANONICAL);
        for (const e of r.lineage.inputs) if (e.value !== null) expect(e.value).toMatch(CANONICAL);
      }
    }
  });
});
