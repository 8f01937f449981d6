import { beforeAll, describe, expect, it } from "vitest";
import { addMonths, currentPeriod } from "@/app/_domain/periods";
import { ensureBuiltInCatalogues } from "@/app/_server/catalogue/ensure-built-in-catalogues";
import { seedDemoIfEmpty } from "@/prisma/seed/demo";
import { useTestDatabase } from "../helpers/test-database";

/**
 * docs/product.md §4 says the fields are defined "so that anyone can recompute them". This test is that anyone: it
 * reads the raw accepted SheetValue rows of the demo region 合肥市 with plain SQL and recomputes a few derived
 * indicators with its own exact integer arithmetic (BigInt, no decimal library, no engine code), then compares
 * the digits with what the engine stored in MetricValue — every digit, rounded half away from zero to 6 places.
 */

// ── a tiny exact decimal: value = n / 10^SCALE ────────────────────────────────────────────────────────
const SCALE = 12; // inputs have at most 6 decimals; 12 keeps products of two exact
const ONE = 10n ** BigInt(SCALE);
function parse(text: string): bigint {
  const neg = text.startsWith("-");
  const [whole, frac = ""] = text.replace(/^-/, "").split(".");
  const n = BigInt(whole) * ONE + BigInt((frac + "0".repeat(SCALE)).slice(0, SCALE));
  return neg ? -n : n;
}
/** a ÷ b rounded half away from zero to 6 places, as canonical text ("1.5", "0", "-0.000001"). */
function div6(a: bigint, b: bigint): string {
  const neg = a < 0n !== b < 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const q = (x * 10n ** 7n) / y; // one extra digit for the rounding
  const r = (q + 5n) / 10n;
  return text6(neg ? -r : r);
}
function text6(micro: bigint): string {
  const neg = micro < 0n;
  const m = neg ? -micro : micro;
  const s = `${m / 1000000n}.${String(m % 1000000n).padStart(6, "0")}`.replace(/0+$/, "").replace(/\.$/, "");
  return s === "0" ? "0" : (neg ? "-" : "") + s;
}
const exact = (n: bigint) => div6(n, ONE); // n is exact at 6 places or fewer for sums of inputs
const canonical = (t: string | null) => (t === null ? null : t.includes(".") ? t.replace(/0+$/, "").replace(/\.$/, "") : t);

describe("an independent recomputation agrees with the stored metrics to the last digit", () => {
  const prisma = useTestDatabase();
  const now = new Date();
  // 合肥市's demo sheets end two months back; take that month and the month before it.
  const p = addMonths(currentPeriod(now), -2);
  const prev = addMonths(p, -1);
  const lastYear = addMonths(p, -12);
  let raw: Map<string, string | null>;
  let stored: Map<string, { ytd: string | null; month: string | null; yoy: string | null; mom: string | null }>;
  let institutions: string[];

  const v = (period: string, code: string, scheme: string, inst = ""): bigint => {
    const t = raw.get(`${period}|${code}|${scheme}|${inst}`);
    if (t === undefined || t === null) throw new Error(`missing raw value ${period} ${code} ${scheme} ${inst}`);
    return parse(t);
  };
  const s = (period: string, code: string, scheme: string, inst = "") => stored.get(`${period}|${code}|${scheme}|${inst}`);
  const monthNo = (period: string) => BigInt(Number(period.slice(5)));
  /** A FLOW input's month value: ytd − the previous month's ytd in the same year (January: ytd). */
  const monthOf = (period: string, code: string, scheme: string, inst = "") =>
    monthNo(period) === 1n ? v(period, code, scheme, inst) : v(period, code, scheme, inst) - v(addMonths(period, -1), code, scheme, inst);

  beforeAll(async () => {
    await ensureBuiltInCatalogues(prisma());
    await seedDemoIfEmpty(prisma(), { now });
    const region = await prisma().region.findUniqueOrThrow({ where: { code: "340100" } });
    const values = await prisma().$queryRawUnsafe<
      { period: string; code: string; scheme: string; inst: string | null; value: string | null }[]
    >(
      `SELECT s."period", v."indicatorCode" AS code, v."scheme"::text AS scheme, i."code" AS inst, v."value"::text AS value
         FROM "SheetValue" v JOIN "SheetVersion" sv ON sv."id" = v."versionId" JOIN "Sheet" s ON s."id" = sv."sheetId"
         LEFT JOIN "Institution" i ON i."id" = v."institutionId"
        WHERE sv."status" = 'ACCEPTED' AND s."regionId" = $1`,
      region.id,
    );
    raw = new Map(values.map((r) => [`${r.period}|${r.code}|${r.scheme}|${r.inst ?? ""}`, r.value]));
    const metrics = await prisma().$queryRawUnsafe<
      {
        period: string;
        code: string;
        scheme: string;
        inst: string | null;
        ytd: string | null;
        month: string | null;
        yoy: string | null;
        mom: string | null;
      }[]
    >(
      `SELECT m."period", m."indicatorCode" AS code, m."scheme"::text AS scheme, i."code" AS inst, m."ytd"::text AS ytd, m."month"::text AS month,
              m."yoy"::text AS yoy, m."mom"::text AS mom
         FROM "MetricValue" m LEFT JOIN "Institution" i ON i."id" = m."institutionId" WHERE m."regionId" = $1`,
      region.id,
    );
    stored = new Map(
      metrics.map((r) => [
        `${r.period}|${r.code}|${r.scheme}|${r.inst ?? ""}`,
        { ytd: canonical(r.ytd), month: canonical(r.month), yoy: canonical(r.yoy), mom: canonical(r.mom) },
      ]),
    );
    institutions = [...new Set(values.filter((r) => r.inst !== null).map((r) => r.inst!))].sort();
  }, 300_000);

  it("FI05 基本医保统筹基金收入合计 = FI03 职工 + FI04 居民: ytd, month, yoy", () => {
    const ytd = (period: string) => v(period, "FI03", "EMPLOYEE") + v(period, "FI04", "RESIDENT");
    const month = monthOf(p, "FI03", "EMPLOYEE") + monthOf(p, "FI04", "RESIDENT");
    expect(s(p, "FI05", "TOTAL")).toMatchObject({
      ytd: exact(ytd(p)),
      month: exact(month),
      yoy: div6(ytd(p) - ytd(lastYear), ytd(lastYear)),
    });
  });

  it("FB01 职工当期结余 = FI03 − FE01, with its month-on-month change", () => {
    const month = (period: string) => monthOf(period, "FI03", "EMPLOYEE") - monthOf(period, "FE01", "EMPLOYEE");
    expect(s(p, "FB01", "EMPLOYEE")).toMatchObject({
      ytd: exact(v(p, "FI03", "EMPLOYEE") - v(p, "FE01", "EMPLOYEE")),
      month: exact(month(p)),
      mom: div6(month(p) - month(prev), month(prev)),
    });
  });

  it("SV05 次均住院费用 = SV04 × 10000 ÷ SV02 and SV07 平均住院日 = SV06 ÷ SV02, every scheme", () => {
    for (const scheme of ["EMPLOYEE", "RESIDENT", "TOTAL"]) {
      expect(s(p, "SV05", scheme)?.ytd).toBe(div6(v(p, "SV04", scheme) * 10000n, v(p, "SV02", scheme)));
      expect(s(p, "SV05", scheme)?.month).toBe(div6(monthOf(p, "SV04", scheme) * 10000n, monthOf(p, "SV02", scheme)));
      expect(s(p, "SV07", scheme)?.ytd).toBe(div6(v(p, "SV06", scheme), v(p, "SV02", scheme)));
    }
  });

  it("FB05 可支付月数 = FB03 ÷ (FE01 ÷ months elapsed); PM03 = PM02 ÷ SV02 × 100", () => {
    expect(s(p, "FB05", "EMPLOYEE")?.ytd).toBe(div6(v(p, "FB03", "EMPLOYEE") * monthNo(p), v(p, "FE01", "EMPLOYEE")));
    expect(s(p, "PM03", "TOTAL")?.ytd).toBe(div6(v(p, "PM02", "TOTAL") * 100n, v(p, "SV02", "TOTAL")));
  });

  it("SV03 住院率 per scheme: 职工 SV02 ÷ FI01, 居民 SV02 ÷ FI02, 合计 SV02 ÷ (FI01 + FI02), × 100, year to date and month", () => {
    const enrolees = { EMPLOYEE: v(p, "FI01", "EMPLOYEE"), RESIDENT: v(p, "FI02", "RESIDENT") };
    const denominator = { ...enrolees, TOTAL: enrolees.EMPLOYEE + enrolees.RESIDENT };
    for (const scheme of ["EMPLOYEE", "RESIDENT", "TOTAL"] as const) {
      expect(s(p, "SV03", scheme), scheme).toMatchObject({
        ytd: div6(v(p, "SV02", scheme) * 100n, denominator[scheme]),
        month: div6(monthOf(p, "SV02", scheme) * 100n, denominator[scheme]), // FI01, FI02 are stocks: their month value is the value
      });
    }
  });

  it("BG03 下一年度医保总额增长率 per scheme in the last December: (BG01 ÷ FE01 | FE02 | FE01 + FE02 − 1) × 100; no month value", () => {
    const december = addMonths(p, -(Number(p.slice(5)) % 12));
    const spent = { EMPLOYEE: v(december, "FE01", "EMPLOYEE"), RESIDENT: v(december, "FE02", "RESIDENT") };
    const denominator = { ...spent, TOTAL: spent.EMPLOYEE + spent.RESIDENT };
    for (const scheme of ["EMPLOYEE", "RESIDENT", "TOTAL"] as const) {
      const budget = v(december, "BG01", scheme);
      expect(s(december, "BG03", scheme), scheme).toMatchObject({
        ytd: div6((budget - denominator[scheme]) * 100n, denominator[scheme]),
        month: null,
      });
    }
  });

  it("per institution: IN05 次均住院费用 = IN03 × 10000 ÷ IN02 and IN09 自费率 = IN08 ÷ IN03 × 100", () => {
    expect(institutions.length).toBeGreaterThan(10);
    for (const inst of institutions) {
      expect(s(p, "IN05", "TOTAL", inst)?.ytd).toBe(div6(v(p, "IN03", "TOTAL", inst) * 10000n, v(p, "IN02", "TOTAL", inst)));
      expect(s(p, "IN09", "TOTAL", inst)?.ytd).toBe(div6(v(p, "IN08", "TOTAL", inst) * 100n, v(p, "IN03", "TOTAL", inst)));
    }
  });
});
