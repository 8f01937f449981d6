import { beforeAll, describe, expect, it } from "vitest";
import { addMonths, currentPeriod, quarterOf } from "@/app/_domain/periods";
import type { Session } from "@/app/_server/auth/session";
import { ensureBuiltInCatalogues } from "@/app/_server/catalogue/ensure-built-in-catalogues";
import { getRegionQuarterMetrics, getRegionMetrics } from "@/app/_server/metrics/get-region-metrics";
import { seedDemoIfEmpty } from "@/prisma/seed/demo";
import { createUserSession } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Issue 10: GET /api/v1/regions/{code}/metrics?period=YYYYQn on the demo data agrees with a recomputation done
 * here from the raw accepted sheet values (plain SQL, BigInt arithmetic, no engine code): quarter values of
 * FLOW, STOCK and derived indicators, their growth and differences (percentage points for % indicators).
 */

const SCALE = 12;
const ONE = 10n ** BigInt(SCALE);
const parse = (t: string) => {
  const neg = t.startsWith("-");
  const [whole, frac = ""] = t.replace(/^-/, "").split(".");
  const n = BigInt(whole!) * ONE + BigInt((frac + "0".repeat(SCALE)).slice(0, SCALE));
  return neg ? -n : n;
};
/** a ÷ b (any scale) rounded half away from zero to 6 places, canonical text. */
function div6(a: bigint, b: bigint): string {
  const neg = a < 0n !== b < 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const q = (2n * x * 1_000_000n + y) / (2n * y);
  const m = q;
  const text = `${m / 1000000n}.${String(m % 1000000n).padStart(6, "0")}`.replace(/0+$/, "").replace(/\.$/, "");
  return text === "0" ? "0" : (neg ? "-" : "") + text;
}
const exact = (n: bigint) => div6(n, ONE);
const growth = (a: bigint, b: bigint) => div6(a - b, b);

describe("the quarter API agrees with an independent recomputation from the accepted sheets", () => {
  const prisma = useTestDatabase();
  const now = new Date();
  // 合肥市's demo sheets end two months back: the last quarter end at or before it.
  const last = addMonths(currentPeriod(now), -2);
  const end = addMonths(last, -(Number(last.slice(5)) % 3));
  const label = `${end.slice(0, 4)}Q${quarterOf(end)}`;
  let raw: Map<string, string>;
  let session: Session;
  let api: Awaited<ReturnType<typeof getRegionQuarterMetrics>>;

  const v = (period: string, code: string, scheme: string, inst = "") => {
    const t = raw.get(`${period}|${code}|${scheme}|${inst}`);
    if (t === undefined) throw new Error(`missing ${period} ${code} ${scheme} ${inst}`);
    return parse(t);
  };
  /** A FLOW input's quarter ending at `e`: ytd(e) − ytd(e − 3), Q1 = ytd. */
  const q = (e: string, code: string, scheme: string, inst = "") =>
    e.endsWith("-03") ? v(e, code, scheme, inst) : v(e, code, scheme, inst) - v(addMonths(e, -3), code, scheme, inst);
  const value = (indicator: string, scheme: string, institution: string | null = null) =>
    api.values.find((x) => x.indicator === indicator && x.scheme === scheme && x.institution === institution)!;

  beforeAll(async () => {
    await ensureBuiltInCatalogues(prisma());
    await seedDemoIfEmpty(prisma(), { now });
    const region = await prisma().region.findUniqueOrThrow({ where: { code: "340100" } });
    const rows = await prisma().$queryRawUnsafe<
      { period: string; code: string; scheme: string; inst: string | null; value: string | null }[]
    >(
      `SELECT s."period", v."indicatorCode" AS code, v."scheme"::text AS scheme, i."code" AS inst, v."value"::text AS value
         FROM "SheetValue" v JOIN "SheetVersion" sv ON sv."id" = v."versionId" JOIN "Sheet" s ON s."id" = sv."sheetId"
         LEFT JOIN "Institution" i ON i."id" = v."institutionId"
        WHERE sv."status" = 'ACCEPTED' AND s."regionId" = $1 AND v."value" IS NOT NULL`,
      region.id,
    );
    raw = new Map(rows.map((r) => [`${r.period}|${r.code}|${r.scheme}|${r.inst ?? ""}`, r.value!]));
    session = await createUserSession(prisma(), ["DATA_REVIEWER"], { regionId: region.id });
    api = await getRegionQuarterMetrics(session, { regionCode: "340100", period: label });
  }, 300_000);

  it("answers for the quarter, read from its last month", () => {
    expect(api).toMatchObject({ region: "340100", period: label, quarterEnd: end });
  });

  it("FLOW input FE01: quarter, prevYearQuarter, quarterYoy, qoq and their differences", () => {
    const [now3, lastYear, before] = [
      q(end, "FE01", "EMPLOYEE"),
      q(addMonths(end, -12), "FE01", "EMPLOYEE"),
      q(addMonths(end, -3), "FE01", "EMPLOYEE"),
    ];
    expect(value("FE01", "EMPLOYEE")).toMatchObject({
      quarter: exact(now3),
      prevYearQuarter: exact(lastYear),
      quarterYoy: growth(now3, lastYear),
      qoq: growth(now3, before),
      quarterYoyDiff: exact(now3 - lastYear),
      qoqDiff: exact(now3 - before),
      ytd: exact(v(end, "FE01", "EMPLOYEE")),
      yoy: growth(v(end, "FE01", "EMPLOYEE"), v(addMonths(end, -12), "FE01", "EMPLOYEE")),
    });
  });

  it("derived % indicator IN09 per institution: the formula over quarter values, differences in percentage points", () => {
    const institutions = [...new Set([...raw.keys()].map((k) => k.split("|")[3]).filter((i) => i))].sort();
    expect(institutions.length).toBeGreaterThan(10);
    for (const inst of institutions) {
      // IN09 = IN08 ÷ IN03 × 100; pp difference = the two percentages subtracted, rounded once.
      const pct = (e: string) => [q(e, "IN08", "TOTAL", inst) * 100n, q(e, "IN03", "TOTAL", inst)] as const;
      const [n, d] = pct(end);
      const [pn, pd] = pct(addMonths(end, -3));
      expect(value("IN09", "TOTAL", inst).quarter, inst).toBe(div6(n, d));
      expect(value("IN09", "TOTAL", inst).qoqDiff, inst).toBe(div6(n * pd - pn * d, d * pd));
    }
  });

  it("SV03 住院率 per scheme: the quarter's discharges ÷ that scheme's enrolees at quarter end × 100, qoq in percentage points", () => {
    const denominator = (e: string) => {
      const [employee, resident] = [v(e, "FI01", "EMPLOYEE"), v(e, "FI02", "RESIDENT")];
      return { EMPLOYEE: employee, RESIDENT: resident, TOTAL: employee + resident };
    };
    const before = addMonths(end, -3);
    for (const scheme of ["EMPLOYEE", "RESIDENT", "TOTAL"] as const) {
      const [n, d] = [q(end, "SV02", scheme) * 100n, denominator(end)[scheme]];
      const [pn, pd] = [q(before, "SV02", scheme) * 100n, denominator(before)[scheme]];
      expect(value("SV03", scheme), scheme).toMatchObject({ quarter: div6(n, d), qoqDiff: div6(n * pd - pn * d, d * pd) });
    }
  });

  it("quarterly indicator MA05 has its 本季 value; a month read of it has no month value", async () => {
    expect(value("MA05", "TOTAL").quarter).toBe(exact(q(end, "MA05", "TOTAL")));
    const month = await getRegionMetrics(session, { regionCode: "340100", period: end });
    expect(month.values.find((x) => x.indicator === "MA05")).toMatchObject({ month: null, mom: null, momDiff: null });
  });

  it("rejects a malformed quarter with a Chinese message", async () => {
    await expect(getRegionQuarterMetrics(session, { regionCode: "340100", period: "2025Q5" })).rejects.toMatchObject({ code: "INVALID" });
  });
});
