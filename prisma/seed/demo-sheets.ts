import type { IndicatorDef, Scheme } from "@/app/_domain/catalogue";
import { addMonths, isPeriod, yearMonth, type Period } from "@/app/_domain/periods";
import type { SheetValueRow } from "@/app/_domain/sheets/types";

/**
 * Demo values for the monthly base sheets (docs/product.md §3–§5): every input indicator of a catalogue, for every
 * scheme it has, for one region and its institutions, consistent enough that dashboards look real and that
 * validateSheet passes them without errors. Pure and deterministic: the randomness is a counter-based PRNG
 * (a 53-bit hash of seed + region + institution + series + year + month), never Math.random, so a month's
 * values do not depend on which other months are generated or in which order.
 *
 * The shape of the data:
 * - Size: `region.scale` (合肥 10, 芜湖 4, 宿松 1) multiplies enrolees, money and activity; the employee share
 *   of enrolees grows with it (a county has few employees). Institutions scale with level and beds.
 * - Growth: money and activity grow about 5–8 % a year (a growth factor drawn per region and year); enrolees
 *   about +1.8 % (employees) and −0.8 % (residents) a year, smoothly month by month.
 * - Seasonality: January and February (the Spring Festival) lower, December higher (year-end settlement).
 * - Employee fund income is fairly even (1.2 × expenditure). Resident fund income (1.07 × expenditure) is low
 *   in the first half and rises from July to a peak in October (about 40 % of the year arrives in Q4, over half
 *   from September): the resident year-to-date current balance is negative until September and positive from
 *   October. It cannot be more concentrated: validateSheet warns about a negative resident balance from
 *   October (cross.negative-balance) and about any month value more than ±50 % off the previous month's
 *   (cross.mom-change), so the resident income curve rises by at most ×1.4 a month.
 * - FLOW values are year-to-date sums of positive month values (so they strictly increase within a year);
 *   TOTAL = EMPLOYEE + RESIDENT exactly (sums of integer cents); the cumulative balances FB03/FB04 are the
 *   previous December's balance + (income − expenditure) year to date exactly, rolled forward year by year
 *   from an anchor year, so any month can be generated on its own.
 * - Quarterly indicators appear only in March, June, September and December, yearly ones only in December.
 * - Small counts (a community centre's special cases or readmissions) stay constant month to month: a count
 *   of 2 → 4 would be a +100 % month-on-month change and draw a warning.
 *
 * Deliberate anomalies (demoAnomalyPlan; the institutions are chosen by demoAnomalyInstitutions), so that the
 * portal has something to find. None of them is an ERROR:
 * 1. COST JUMP: a 三级 hospital (the second largest; the largest 二级 where there is none) charges more per
 *    stay from `costJumpFrom`: inpatient expenses, fund payments and self-pay ×1.12, ×1.25, then ×1.4 for
 *    good, so its average cost per stay (IN05) is about +40 % year on year, and its cost-consumption index
 *    (IN12) rises too. Phased in so that no month-on-month change exceeds 50 %: no warning at all.
 * 2. READMISSIONS: the smallest 一级 institution reports an implausible number of 14-day readmissions from
 *    `readmissionFrom` on: about 30 % of its discharges (peers: 2–5 %), i.e. suspected split hospitalisation.
 *    One WARNING: cross.mom-change on IN17 in the month it starts.
 * 3. OUTPATIENT SPIKE: the largest 未定级 (private) hospital books about three months of outpatient fund
 *    payments (IN18 ×3.2) in the single month `outpatientSpike` (a batch settlement of chronic-disease claims).
 *    Two WARNINGs: cross.mom-change on IN18 in that month (up) and in the next (down).
 */

export const DEFAULT_DEMO_SEED = 20250301;

export interface DemoRegion {
  code: string;
  /** Size relative to a county of about 850,000 insured (宿松 = 1, 合肥 = 10). */
  scale: number;
}

export interface DemoInstitution {
  code: string;
  /** LEVEL_3, LEVEL_2, LEVEL_1 or UNRATED (anything else is treated as UNRATED). */
  level: string;
  beds: number | null;
}

export interface DemoAnomalyPlan {
  /** First month of the 三级 hospital's cost jump (phased over three months to +40 %). */
  costJumpFrom: Period;
  /** First month of the small hospital's implausible 14-day readmissions. */
  readmissionFrom: Period;
  /** The one month in which a private hospital books about three months of outpatient fund payments. */
  outpatientSpike: Period;
}

export interface DemoMonthInput {
  catalogue: readonly IndicatorDef[];
  region: DemoRegion;
  institutions: readonly DemoInstitution[];
  period: Period;
  seed?: number;
  /** null or absent: clean data, no anomalies. */
  anomalies?: DemoAnomalyPlan | null;
}

export type DemoMonthsInput = Omit<DemoMonthInput, "period"> & { from: Period; to: Period };

/** Every input value of one region × month: region-level rows first, then each institution's. */
export function generateDemoMonth(input: DemoMonthInput): SheetValueRow[] {
  return new DemoModel(input).month(input.period);
}

/** The months from `from` to `to` inclusive, in order (one model, so shared yearly series are computed once). */
export function generateDemoMonths(input: DemoMonthsInput): Map<Period, SheetValueRow[]> {
  if (!isPeriod(input.from) || !isPeriod(input.to) || input.from > input.to) throw new Error(`无效的期间范围 ${input.from} – ${input.to}`);
  const model = new DemoModel(input);
  const out = new Map<Period, SheetValueRow[]>();
  for (let p = input.from; p <= input.to; p = addMonths(p, 1)) out.set(p, model.month(p));
  return out;
}

/**
 * The anomalies of a demo run ending with `last`: the outpatient spike 13 months back (so the next month's
 * fall is in the run too), the cost jump from 9 months back (so the latest months show +40 % year on year),
 * the readmissions from 4 months back.
 */
export function demoAnomalyPlan(last: Period): DemoAnomalyPlan {
  return { costJumpFrom: addMonths(last, -9), readmissionFrom: addMonths(last, -4), outpatientSpike: addMonths(last, -13) };
}

export interface DemoAnomalyInstitutions {
  costJump: string | null;
  readmission: string | null;
  outpatientSpike: string | null;
}

/** Which institutions carry the anomalies (distinct; null where the region has too few institutions). */
export function demoAnomalyInstitutions(institutions: readonly DemoInstitution[]): DemoAnomalyInstitutions {
  const taken = new Set<string>();
  const bedsOf = (i: DemoInstitution) => i.beds ?? levelParams(i.level).defaultBeds;
  const pick = (candidates: DemoInstitution[], order: (a: DemoInstitution, b: DemoInstitution) => number, index = 0) => {
    const list = candidates.filter((i) => !taken.has(i.code)).sort(order);
    const chosen = list[Math.min(index, list.length - 1)];
    if (chosen) taken.add(chosen.code);
    return chosen?.code ?? null;
  };
  const byLevel = (level: string) => institutions.filter((i) => i.level === level);
  const largest = (a: DemoInstitution, b: DemoInstitution) => bedsOf(b) - bedsOf(a);
  const smallest = (a: DemoInstitution, b: DemoInstitution) => bedsOf(a) - bedsOf(b);
  const level3 = byLevel("LEVEL_3");
  const costJump = level3.length
    ? pick(level3, largest, 1)
    : pick(byLevel("LEVEL_2").length ? byLevel("LEVEL_2") : [...institutions], largest);
  const readmission = pick(byLevel("LEVEL_1").length ? byLevel("LEVEL_1") : [...institutions], smallest);
  const unrated = byLevel("UNRATED").filter((i) => !taken.has(i.code));
  const outpatientSpike = pick(unrated.length ? unrated : [...institutions], largest);
  return { costJump, readmission, outpatientSpike };
}

export interface DemoWarning {
  period: Period;
  rule: string;
  indicatorCode: string;
  institutionCode: string;
  /** What the region's data group wrote when it accepted the warning. */
  explanation: string;
}

/** The warnings the anomalies cause (when the previous months are known to the validator), with explanations. */
export function demoAnomalyWarnings(plan: DemoAnomalyPlan, institutions: readonly DemoInstitution[]): DemoWarning[] {
  const who = demoAnomalyInstitutions(institutions);
  const out: DemoWarning[] = [];
  if (who.outpatientSpike) {
    out.push({
      period: plan.outpatientSpike,
      rule: "cross.mom-change",
      indicatorCode: "IN18",
      institutionCode: who.outpatientSpike,
      explanation: "经核实，该院本月集中结算了前两个月积压的门诊慢特病费用，数据无误；已提请稽核科关注该院门诊结算是否及时。",
    });
    out.push({
      period: addMonths(plan.outpatientSpike, 1),
      rule: "cross.mom-change",
      indicatorCode: "IN18",
      institutionCode: who.outpatientSpike,
      explanation: "上月为集中结算，本月恢复按月结算，门诊统筹基金支付回到正常水平。",
    });
  }
  if (who.readmission)
    out.push({
      period: plan.readmissionFrom,
      rule: "cross.mom-change",
      indicatorCode: "IN17",
      institutionCode: who.readmission,
      explanation: "经与机构核对，14 天再入院人次填报无误；再入院率明显高于同级机构，疑似分解住院，已移交基金监管科核查。",
    });
  return out;
}

// ─────────────────────────────────────────────────────────────────────────────────────────── the model

/** The year every base amount refers to; earlier and later years follow the growth paths. */
const REF_YEAR = 2024;
/** The year the cumulative balances are anchored at (its December); other years roll forward or back. */
const BALANCE_ANCHOR_YEAR = 2019;

/** Month weights (sum 12) of expenditure and activity: Spring Festival low, December high. */
const SEASON = [0.93, 0.82, 1.0, 0.99, 0.99, 1.02, 1.03, 1.02, 1.0, 0.96, 1.02, 1.22];
/** Employee contributions arrive every month. */
const EMPLOYEE_INCOME = [0.98, 0.94, 1.0, 1.0, 1.0, 1.0, 1.01, 1.0, 1.0, 0.99, 1.0, 1.08];
/** Resident contributions and subsidies: low until June, then ×1.4 a month to an October peak. */
const RESIDENT_INCOME = normalise([0.6, 0.42, 0.38, 0.37, 0.37, 0.4, 0.56, 0.784, 1.1, 1.54, 1.0, 0.75]);

function normalise(w: number[]): number[] {
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => (x * 12) / sum);
}

interface LevelParams {
  defaultBeds: number;
  occupancy: number;
  /** Average length of stay, days. */
  alos: number;
  /** Cost per stay at REF_YEAR, 元. */
  costPerStay: number;
  fundShare: number;
  selfPayShare: number;
  /** Outpatient visits a year per bed. */
  visitsPerBed: number;
  /** Pooled-fund payment per outpatient visit at REF_YEAR, 元. */
  fundPerVisit: number;
  cmi: [number, number];
  grouping: [number, number];
  specialCaseRate: number;
  readmissionRate: number;
  timeIndex: [number, number];
}

const LEVELS: Record<string, LevelParams> = {
  LEVEL_3: {
    defaultBeds: 1000,
    occupancy: 0.93,
    alos: 8.2,
    costPerStay: 15500,
    fundShare: 0.64,
    selfPayShare: 0.085,
    visitsPerBed: 480,
    fundPerVisit: 115,
    cmi: [1.05, 1.35],
    grouping: [98.6, 99.8],
    specialCaseRate: 0.005,
    readmissionRate: 0.022,
    timeIndex: [0.92, 1.12],
  },
  LEVEL_2: {
    defaultBeds: 400,
    occupancy: 0.85,
    alos: 7.4,
    costPerStay: 7800,
    fundShare: 0.7,
    selfPayShare: 0.055,
    visitsPerBed: 380,
    fundPerVisit: 85,
    cmi: [0.78, 0.95],
    grouping: [97.2, 99.4],
    specialCaseRate: 0.003,
    readmissionRate: 0.028,
    timeIndex: [0.9, 1.1],
  },
  LEVEL_1: {
    defaultBeds: 40,
    occupancy: 0.62,
    alos: 6.6,
    costPerStay: 3600,
    fundShare: 0.78,
    selfPayShare: 0.025,
    visitsPerBed: 1500,
    fundPerVisit: 55,
    cmi: [0.45, 0.65],
    grouping: [93.5, 97.8],
    specialCaseRate: 0.002,
    readmissionRate: 0.032,
    timeIndex: [0.85, 1.05],
  },
  UNRATED: {
    defaultBeds: 100,
    occupancy: 0.8,
    alos: 14,
    costPerStay: 9000,
    fundShare: 0.62,
    selfPayShare: 0.11,
    visitsPerBed: 160,
    fundPerVisit: 95,
    cmi: [0.7, 1.0],
    grouping: [95.5, 99.0],
    specialCaseRate: 0.004,
    readmissionRate: 0.045,
    timeIndex: [1.0, 1.25],
  },
};
const levelParams = (level: string) => LEVELS[level] ?? LEVELS.UNRATED;

/** Counts whose average month is below this stay constant (see the header). */
const SMALL_COUNT = 25;

/** Units are integers: cents of 万元 for money (dp 2), persons and cases (dp 0), 1/100 % for rates, 1/10⁴ for indices. */
type Cell = { units: number; dp: number };

const key = (parts: (string | number)[]) => parts.join("|");

/** cyrb53: a fast 53-bit string hash with good avalanche; the counter-based PRNG of this file. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The canonical decimal string of `units` × 10^−dp (no trailing zeros, "0" for zero). */
export function unitsToDecimal(units: number, dp: number): string {
  if (!Number.isSafeInteger(units)) throw new Error(`演示数据超出安全整数范围：${units}`);
  const negative = units < 0;
  const digits = String(Math.abs(units)).padStart(dp + 1, "0");
  const int = digits.slice(0, digits.length - dp);
  const frac = digits.slice(digits.length - dp).replace(/0+$/, "");
  const text = frac ? `${int}.${frac}` : int;
  return negative && text !== "0" ? `-${text}` : text;
}

const cumulative = (monthly: number[], month: number) => {
  let s = 0;
  for (let i = 0; i < month; i++) s += monthly[i];
  return s;
};

interface InstitutionYear {
  flows: Map<string, number[]>;
}

class DemoModel {
  private readonly seed: number;
  private readonly region: DemoRegion;
  private readonly institutions: readonly DemoInstitution[];
  private readonly catalogue: readonly IndicatorDef[];
  private readonly anomalies: DemoAnomalyPlan | null;
  private readonly who: DemoAnomalyInstitutions;
  private readonly memo = new Map<string, unknown>();

  constructor(input: Omit<DemoMonthInput, "period">) {
    if (!(input.region.scale > 0)) throw new Error("region.scale 必须为正数");
    this.seed = input.seed ?? DEFAULT_DEMO_SEED;
    this.region = input.region;
    this.institutions = input.institutions;
    this.catalogue = input.catalogue;
    this.anomalies = input.anomalies ?? null;
    this.who = this.anomalies ? demoAnomalyInstitutions(input.institutions) : { costJump: null, readmission: null, outpatientSpike: null };
  }

  private cached<T>(k: string, make: () => T): T {
    if (this.memo.has(k)) return this.memo.get(k) as T;
    const v = make();
    this.memo.set(k, v);
    return v;
  }

  /** Uniform in [0, 1). */
  private rnd(...parts: (string | number)[]): number {
    return hash53(key([this.seed, this.region.code, ...parts])) / 2 ** 53;
  }

  /** Uniform in [−1, 1). */
  private sym(...parts: (string | number)[]): number {
    return this.rnd(...parts) * 2 - 1;
  }

  /**
   * A growth index equal to 1 at REF_YEAR, with a factor drawn in [lo, lo + spread) for each year:
   * index(Y) = index(Y − 1) × g(Y).
   */
  private growth(series: string, year: number, lo: number, spread: number): number {
    if (year === REF_YEAR) return 1;
    return this.cached(key(["growth", series, year]), () => {
      const g = (y: number) => lo + spread * this.rnd("growth", series, y);
      return year > REF_YEAR
        ? this.growth(series, year - 1, lo, spread) * g(year)
        : this.growth(series, year + 1, lo, spread) / g(year + 1);
    });
  }

  private money(year: number) {
    return this.growth("money", year, 1.05, 0.03);
  }

  private monthly(series: string, year: number, annual: number, profile: number[], noise = 0.015): number[] {
    return profile.map((w, i) => Math.max(1, Math.round(((annual * w) / 12) * (1 + noise * this.sym(series, year, i + 1)))));
  }

  // ── region ───────────────────────────────────────────────────────────────────────────────────────

  private get employeeShare() {
    return Math.min(0.32, 0.1 + 0.02 * this.region.scale);
  }

  /** Enrolees at REF_YEAR January. */
  private get base() {
    const total = 850_000 * this.region.scale;
    const employees = Math.round(total * this.employeeShare);
    return { employees, residents: Math.round(total - employees) };
  }

  private enrolees(scheme: "EMPLOYEE" | "RESIDENT", year: number, month: number): number {
    const t = year - REF_YEAR + (month - 1) / 12;
    const b = this.base;
    const v = scheme === "EMPLOYEE" ? b.employees * 1.018 ** t : b.residents * 0.992 ** t;
    return Math.round(v * (1 + 0.0008 * this.sym("enrolees", scheme, year, month)));
  }

  /** Average cost per stay in the region, 元, for employees and residents (a county is cheaper). */
  private costPerStay(scheme: "EMPLOYEE" | "RESIDENT", year: number): number {
    const place = 0.75 + 0.025 * Math.min(this.region.scale, 10);
    return (scheme === "EMPLOYEE" ? 13500 : 7600) * place * 1.025 ** (year - REF_YEAR);
  }

  /** Month values (integer units) of the region's flows for one year, keyed "CODE|SCHEME". */
  private regionYear(year: number): Map<string, number[]> {
    return this.cached(key(["region", year]), () => {
      const b = this.base;
      const m = this.money(year);
      const activity = Math.sqrt(m);
      const f = new Map<string, number[]>();
      const set = (code: string, scheme: Scheme, v: number[]) => f.set(`${code}|${scheme}`, v);
      const derive = (series: string, from: number[], factor: number, noise = 0.005) =>
        from.map((x, i) => Math.max(1, Math.round(x * factor * (1 + noise * this.sym(series, year, i + 1)))));
      const totals = (code: string) =>
        set(
          code,
          "TOTAL",
          f.get(`${code}|EMPLOYEE`)!.map((e, i) => e + f.get(`${code}|RESIDENT`)![i]),
        );

      // Money in cents of 万元: 4,000 元 = 40 cents of 万元 a year per employee enrolee, 960 元 per resident.
      const fe01 = this.monthly("FE01", year, b.employees * 40 * m, SEASON);
      const fe02 = this.monthly("FE02", year, b.residents * 9.6 * m, SEASON);
      set("FE01", "EMPLOYEE", fe01);
      set("FE02", "RESIDENT", fe02);
      set("FI03", "EMPLOYEE", this.monthly("FI03", year, b.employees * 40 * m * 1.2, EMPLOYEE_INCOME));
      set("FI04", "RESIDENT", this.monthly("FI04", year, b.residents * 9.6 * m * 1.07, RESIDENT_INCOME));
      set("FE04", "EMPLOYEE", derive("FE04E", fe01, 0.48));
      set("FE04", "RESIDENT", derive("FE04R", fe02, 0.66));
      totals("FE04");
      set("FE05", "EMPLOYEE", derive("FE05E", fe01, 0.4));
      set("FE05", "RESIDENT", derive("FE05R", fe02, 0.26));
      totals("FE05");
      set("SV04", "EMPLOYEE", derive("SV04E", f.get("FE04|EMPLOYEE")!, 1 / 0.72));
      set("SV04", "RESIDENT", derive("SV04R", f.get("FE04|RESIDENT")!, 1 / 0.58));
      totals("SV04");
      set("SV08", "EMPLOYEE", derive("SV08E", f.get("SV04|EMPLOYEE")!, 0.88));
      set("SV08", "RESIDENT", derive("SV08R", f.get("SV04|RESIDENT")!, 0.85));
      totals("SV08");
      set("PM04", "EMPLOYEE", derive("PM04E", f.get("FE04|EMPLOYEE")!, 0.86));
      set("PM04", "RESIDENT", derive("PM04R", f.get("FE04|RESIDENT")!, 0.9));
      totals("PM04");
      // Discharges = inpatient expenses (cents of 万元 × 100 = 元) ÷ cost per stay.
      set("SV02", "EMPLOYEE", derive("SV02E", f.get("SV04|EMPLOYEE")!, 100 / this.costPerStay("EMPLOYEE", year)));
      set("SV02", "RESIDENT", derive("SV02R", f.get("SV04|RESIDENT")!, 100 / this.costPerStay("RESIDENT", year)));
      totals("SV02");
      set("SV06", "EMPLOYEE", derive("SV06E", f.get("SV02|EMPLOYEE")!, 9.1, 0.01));
      set("SV06", "RESIDENT", derive("SV06R", f.get("SV02|RESIDENT")!, 8.4, 0.01));
      totals("SV06");
      set("SV01", "EMPLOYEE", this.monthly("SV01E", year, b.employees * 9 * activity, SEASON));
      set("SV01", "RESIDENT", this.monthly("SV01R", year, b.residents * 3.6 * activity, SEASON));
      totals("SV01");
      set("PM02", "TOTAL", derive("PM02", f.get("SV02|TOTAL")!, 0.9));
      set("PM08", "TOTAL", derive("PM08", f.get("SV02|TOTAL")!, 0.035, 0.01));
      // Medical assistance: about 65 元 a year per resident enrolee.
      set("MA01", "TOTAL", this.monthly("MA01", year, b.residents * 0.65 * m, EMPLOYEE_INCOME));
      set("MA02", "TOTAL", this.monthly("MA02", year, b.residents * 0.65 * 0.96 * m, SEASON));
      set("MA05", "TOTAL", this.monthly("MA05", year, b.residents * 0.15 * activity, SEASON));
      return f;
    });
  }

  /** The cumulative balance (cents of 万元) at the end of December of `year`. */
  private decemberBalance(scheme: "EMPLOYEE" | "RESIDENT", year: number): number {
    return this.cached(key(["balance", scheme, year]), () => {
      const [income, spend] = scheme === "EMPLOYEE" ? ["FI03|EMPLOYEE", "FE01|EMPLOYEE"] : ["FI04|RESIDENT", "FE02|RESIDENT"];
      const surplus = (y: number) => {
        const f = this.regionYear(y);
        return cumulative(f.get(income)!, 12) - cumulative(f.get(spend)!, 12);
      };
      if (year === BALANCE_ANCHOR_YEAR) {
        // About 17 months of expenditure for employees, 7 for residents.
        const spent = cumulative(this.regionYear(year).get(spend)!, 12);
        return Math.round(spent * (scheme === "EMPLOYEE" ? 1.4 : 0.55));
      }
      return year > BALANCE_ANCHOR_YEAR
        ? this.decemberBalance(scheme, year - 1) + surplus(year)
        : this.decemberBalance(scheme, year + 1) - surplus(year + 1);
    });
  }

  private regionCell(ind: IndicatorDef, scheme: Scheme, year: number, month: number): Cell | null {
    const code = ind.code;
    const flows = this.regionYear(year);
    const flow = flows.get(`${code}|${scheme}`);
    if (flow && ind.basis === "FLOW") return { units: cumulative(flow, month), dp: ind.unit === "万元" ? 2 : 0 };
    const r = (...parts: (string | number)[]) => this.rnd(code, scheme, year, month, ...parts);
    const hundredths = (v: number, lo: number, hi: number) => ({ units: Math.round(Math.min(hi, Math.max(lo, v)) * 100), dp: 2 });
    switch (`${code}|${scheme}`) {
      case "FI01|EMPLOYEE":
        return { units: this.enrolees("EMPLOYEE", year, month), dp: 0 };
      case "FI02|RESIDENT":
        return { units: this.enrolees("RESIDENT", year, month), dp: 0 };
      case "FB03|EMPLOYEE":
      case "FB04|RESIDENT": {
        const s = scheme as "EMPLOYEE" | "RESIDENT";
        const [income, spend] = s === "EMPLOYEE" ? ["FI03|EMPLOYEE", "FE01|EMPLOYEE"] : ["FI04|RESIDENT", "FE02|RESIDENT"];
        const ytd = cumulative(flows.get(income)!, month) - cumulative(flows.get(spend)!, month);
        return { units: this.decemberBalance(s, year - 1) + ytd, dp: 2 };
      }
      case "MA04|TOTAL":
        return { units: Math.round(this.enrolees("RESIDENT", year, month) * 0.042 * (1 + 0.02 * this.sym("MA04", year))), dp: 0 };
      case "BG01|EMPLOYEE":
      case "BG01|RESIDENT": {
        const spent = cumulative(flows.get(scheme === "EMPLOYEE" ? "FE01|EMPLOYEE" : "FE02|RESIDENT")!, 12);
        return { units: Math.round(spent * (1.05 + 0.025 * this.rnd("BG01", scheme, year))), dp: 2 };
      }
      case "BG01|TOTAL":
      case "BG02|TOTAL":
        return {
          units: this.regionCell(ind, "EMPLOYEE", year, month)!.units + this.regionCell(ind, "RESIDENT", year, month)!.units,
          dp: 2,
        };
      case "BG02|EMPLOYEE":
      case "BG02|RESIDENT": {
        const bg01 = this.regionCell({ ...ind, code: "BG01" }, scheme, year, month)!.units;
        return { units: Math.round(bg01 * (scheme === "EMPLOYEE" ? 0.41 : 0.58)), dp: 2 };
      }
      case "PM01|TOTAL":
        return { units: Math.round(36 * this.region.scale + 14 + 2 * Math.max(0, year - 2020)), dp: 0 };
      case "PM06|TOTAL":
        return hundredths(97 + 0.6 * (year - REF_YEAR) + 1.2 * r(), 90, 99.9);
      case "PM07|TOTAL":
        return hundredths(93.5 + 0.8 * (year - REF_YEAR) + 1.5 * r(), 88, 99.5);
      case "SC01|TOTAL":
        return hundredths(6.2 + 0.06 * Math.min(this.region.scale, 10) + 0.12 * (year - REF_YEAR) + 0.2 * this.rnd("SC01", year), 3, 12);
      case "SC02|TOTAL":
        return {
          units: Math.round(Math.min(1.5, Math.max(0.2, 0.42 + 0.03 * (year - REF_YEAR) + 0.06 * this.rnd("SC02", year))) * 1000),
          dp: 3,
        };
      default:
        return null;
    }
  }

  // ── institutions ──────────────────────────────────────────────────────────────────────────────────

  private instTraits(inst: DemoInstitution) {
    return this.cached(key(["traits", inst.code]), () => {
      const p = levelParams(inst.level);
      const u = (name: string) => this.rnd("inst", inst.code, name);
      const between = ([lo, hi]: [number, number], name: string) => lo + (hi - lo) * u(name);
      const beds = inst.beds ?? p.defaultBeds;
      const size = 0.85 + 0.3 * u("size");
      return {
        p,
        beds,
        size,
        costFactor: 0.9 + 0.2 * u("cost"),
        alos: p.alos * (0.94 + 0.12 * u("alos")),
        cmi: between(p.cmi, "cmi"),
        grouping: between(p.grouping, "grouping"),
        costIndex: 0.9 + 0.2 * u("costIndex") + (inst.level === "LEVEL_3" ? 0.04 : 0),
        timeIndex: between(p.timeIndex, "timeIndex"),
        upload: 96 + 3.8 * u("upload"),
        qc: 92 + 6.5 * u("qc"),
        /** Average monthly discharges at REF_YEAR. */
        discharges: ((beds * p.occupancy * 30.4) / p.alos) * 0.9 * size,
      };
    });
  }

  /** The cost-jump multiplier of a month: 1 before, then ×1.12, ×1.25 and ×1.4 from the third month on. */
  private costMultiplier(inst: DemoInstitution, year: number, month: number): number {
    if (!this.anomalies || inst.code !== this.who.costJump) return 1;
    const from = yearMonth(this.anomalies.costJumpFrom);
    const k = (year - from.year) * 12 + (month - from.month);
    return k < 0 ? 1 : ([1.12, 1.25][k] ?? 1.4);
  }

  private isMonth(plan: Period | undefined, year: number, month: number) {
    if (!plan) return false;
    const p = yearMonth(plan);
    return p.year === year && p.month === month;
  }

  private readmissionAnomaly(inst: DemoInstitution, year: number, month: number): boolean {
    if (!this.anomalies || inst.code !== this.who.readmission) return false;
    return `${year}-${String(month).padStart(2, "0")}` >= this.anomalies.readmissionFrom;
  }

  private instYear(inst: DemoInstitution, year: number): InstitutionYear {
    return this.cached(key(["instYear", inst.code, year]), () => {
      const t = this.instTraits(inst);
      const volume = this.growth(`volume|${inst.code}`, year, 1.01, 0.04);
      const price = 1.025 ** (year - REF_YEAR);
      const noise = (series: string, i: number, amount: number) => 1 + amount * this.sym("inst", inst.code, series, year, i + 1);
      const flows = new Map<string, number[]>();
      const months = SEASON.map((_, i) => i);

      const discharges = months.map((i) => Math.max(1, Math.round(t.discharges * volume * SEASON[i] * noise("IN02", i, 0.015))));
      flows.set("IN02", discharges);
      flows.set(
        "IN06",
        discharges.map((d, i) => Math.max(1, Math.round(d * t.alos * noise("IN06", i, 0.005)))),
      );
      // Money in cents of 万元: 元 ÷ 100.
      const expenses = discharges.map((d, i) =>
        Math.max(
          1,
          Math.round(
            ((d * t.p.costPerStay * t.costFactor * price) / 100) * this.costMultiplier(inst, year, i + 1) * noise("IN03", i, 0.005),
          ),
        ),
      );
      flows.set("IN03", expenses);
      flows.set(
        "IN04",
        expenses.map((e, i) => Math.max(1, Math.round(e * t.p.fundShare * noise("IN04", i, 0.005)))),
      );
      flows.set(
        "IN08",
        expenses.map((e, i) => Math.max(1, Math.round(e * t.p.selfPayShare * noise("IN08", i, 0.005)))),
      );
      const visits = months.map((i) =>
        Math.max(1, Math.round(((t.beds * t.p.visitsPerBed) / 12) * t.size * volume * SEASON[i] * noise("IN01", i, 0.015))),
      );
      flows.set("IN01", visits);
      flows.set(
        "IN18",
        visits.map((v, i) => {
          const spike = this.isMonth(this.anomalies?.outpatientSpike, year, i + 1) && inst.code === this.who.outpatientSpike ? 3.2 : 1;
          return Math.max(1, Math.round(((v * t.p.fundPerVisit * 1.02 ** (year - REF_YEAR)) / 100) * spike * noise("IN18", i, 0.005)));
        }),
      );
      const count = (series: string, rate: number) => {
        const average = t.discharges * rate;
        if (average < SMALL_COUNT) return months.map(() => Math.max(1, Math.round(average)));
        return discharges.map((d, i) => Math.max(1, Math.round(d * rate * noise(series, i, 0.01))));
      };
      flows.set("IN16", count("IN16", t.p.specialCaseRate));
      const readmissions = count("IN17", t.p.readmissionRate);
      // The anomaly: a constant ~30 % of an average month's discharges (constant, so it warns only once).
      const implausible = Math.max(1, Math.round(t.discharges * 0.3));
      flows.set(
        "IN17",
        readmissions.map((r, i) => (this.readmissionAnomaly(inst, year, i + 1) ? implausible : r)),
      );
      return { flows };
    });
  }

  private instCell(ind: IndicatorDef, inst: DemoInstitution, year: number, month: number): Cell | null {
    const code = ind.code;
    const flow = this.instYear(inst, year).flows.get(code);
    if (flow && ind.basis === "FLOW") return { units: cumulative(flow, month), dp: ind.unit === "万元" ? 2 : 0 };
    const t = this.instTraits(inst);
    const s = (amount: number) => amount * this.sym("inst", inst.code, code, year, month);
    const yearsOn = year - REF_YEAR;
    const hundredths = (v: number) => ({ units: Math.round(Math.min(99.95, Math.max(0, v)) * 100), dp: 2 });
    const index = (v: number) => ({ units: Math.round(Math.min(9.9, Math.max(0.05, v)) * 10_000), dp: 4 });
    switch (code) {
      case "IN10":
        return hundredths(t.grouping + 0.15 * yearsOn + s(0.3));
      case "IN11":
        return index(t.cmi * (1 + 0.012 * yearsOn) * (1 + s(0.01)));
      case "IN12":
        return index(t.costIndex * (1 + (this.costMultiplier(inst, year, month) - 1) * 0.8) * (1 + s(0.015)));
      case "IN13":
        return index(t.timeIndex * (1 + s(0.015)));
      case "IN14":
        return hundredths(t.upload + 0.2 * yearsOn + s(0.4));
      case "IN15":
        return hundredths(t.qc + 0.3 * yearsOn + s(0.6));
      default:
        return null;
    }
  }

  // ── anything else (a region's local indicators) ───────────────────────────────────────────────────

  /** A plausible value for an input this model does not know, from its basis, unit and bounds. */
  private genericCell(ind: IndicatorDef, scheme: Scheme, inst: DemoInstitution | null, year: number, month: number): Cell {
    const isCount = ["人", "人次", "个", "家", "张", "床日", "次", "例"].includes(ind.unit);
    const dp = ind.unit === "万元" ? 2 : isCount ? 0 : 2;
    const lo = ind.minValue === null ? null : Number(ind.minValue);
    const hi = ind.maxValue === null ? null : Number(ind.maxValue);
    const who = inst?.code ?? "";
    const size = inst ? this.instTraits(inst).beds / 500 : this.region.scale;
    if (ind.basis === "RATE") {
      const a = lo ?? 0;
      const b = hi ?? Math.max(a + 100, 100);
      const v =
        a +
        (b - a) * (0.55 + 0.2 * this.rnd("generic", ind.code, scheme, who)) +
        (b - a) * 0.01 * this.sym("generic", ind.code, scheme, who, year, month);
      return { units: Math.round(Math.min(b, Math.max(a, v)) * 10 ** dp), dp };
    }
    if (scheme === "TOTAL" && ind.schemes.includes("EMPLOYEE") && ind.schemes.includes("RESIDENT"))
      return {
        units: this.genericCell(ind, "EMPLOYEE", inst, year, month).units + this.genericCell(ind, "RESIDENT", inst, year, month).units,
        dp,
      };
    const share = scheme === "EMPLOYEE" ? 0.4 : scheme === "RESIDENT" ? 0.6 : 1;
    // About 1,000 units a month per scale unit, well inside the upper bound over a year.
    let monthlyUnits = 1000 * size * share * 10 ** dp;
    if (hi !== null) monthlyUnits = Math.min(monthlyUnits, (hi * 10 ** dp) / 24);
    if (ind.basis === "STOCK")
      return {
        units: Math.max(1, Math.round(monthlyUnits * 12 * (1 + 0.002 * this.sym("generic", ind.code, scheme, who, year, month)))),
        dp,
      };
    const series = this.cached(key(["generic", ind.code, scheme, who, year]), () =>
      this.monthly(`generic|${ind.code}|${scheme}|${who}`, year, monthlyUnits * 12 * this.money(year), SEASON),
    );
    return { units: cumulative(series, month), dp };
  }

  // ── one month ─────────────────────────────────────────────────────────────────────────────────────

  month(period: Period): SheetValueRow[] {
    const { year, month } = yearMonth(period);
    const due = (ind: IndicatorDef) =>
      ind.frequency === "MONTHLY" || (ind.frequency === "QUARTERLY" && month % 3 === 0) || (ind.frequency === "YEARLY" && month === 12);
    const inputs = this.catalogue.filter((i) => i.formula === null && due(i));
    const rows: SheetValueRow[] = [];
    const push = (ind: IndicatorDef, scheme: Scheme, institutionCode: string | null, cell: Cell) =>
      rows.push({ indicatorCode: ind.code, scheme, institutionCode, value: unitsToDecimal(cell.units, cell.dp) });
    for (const ind of inputs) {
      if (ind.scope !== "REGION") continue;
      for (const scheme of ind.schemes)
        push(ind, scheme, null, this.regionCell(ind, scheme, year, month) ?? this.genericCell(ind, scheme, null, year, month));
    }
    const perInstitution = inputs.filter((i) => i.scope === "INSTITUTION");
    for (const inst of this.institutions)
      for (const ind of perInstitution)
        for (const scheme of ind.schemes) {
          const known = scheme === "TOTAL" ? this.instCell(ind, inst, year, month) : null;
          push(ind, scheme, inst.code, known ?? this.genericCell(ind, scheme, inst, year, month));
        }
    return rows;
  }
}
