import { SCHEMES, type IndicatorDef, type Scheme } from "../catalogue";
import { Decimal } from "../formula/decimal";
import { parseFormula, type FormulaNode } from "../formula";
import { INSTITUTION_LEVELS } from "../institutions";
import { isPeriod, isQuarterEnd, monthLabel, quarterLabel, quarterOf, type Period } from "../periods";
import type { MetricValues } from "./compute-metrics";
import { levelNoun, narrativeValue, percentNumber, shortest } from "./format";
import type { AnomalyFlag, AnomalyKind } from "./peers";

/**
 * The 智能解读 drafter: a plain Chinese first draft of a region's quarterly commentary, written from the metrics
 * alone, for the data group to edit before publishing. Deterministic: the same input gives the same text
 * (no clock, no randomness, ties broken by catalogue order).
 *
 * What it writes, one string per paragraph:
 * 1. One paragraph per category (catalogue order), each region-level indicator with a value that period
 *    (INTERNAL ones left out): 「职工医保统筹基金收入12.35亿元，同比增长5.2%」. An indicator with a TOTAL
 *    scheme is described by its TOTAL only; several other schemes are named 「（职工）」「（居民）」.
 *    Indicators that are themselves growth rates (formula with YOY or MOM) are not repeated: their
 *    indicator's own clause already says it.
 *    - amounts: 万元 ≥ 10,000 as 亿元, else 万元, 2 decimals; people/cases ≥ 10,000 as 万人/万人次;
 *    - growth: yoy as a percentage with 1 decimal, 「同比增长」「同比下降」, 「与上年同期持平」 when it rounds
 *      to 0.0 %; a negative value this year or last year (a balance) gets 「上年同期为…」 instead of a rate;
 *    - % indicators: 「为85.3%，比上年同期提高2.10个百分点」 (「降低」「与上年同期持平」);
 *    - a negative resident-scheme FLOW before Q4 gets the note that resident contributions arrive mostly
 *      in Q4 (docs/product.md §5).
 * 2. The largest absolute year-on-year changes among the NATIONAL_REQUIRED indicators (3 by default; rates in %
 *    and values with a negative base left out).
 * 3. The anomaly flags of the period: their count, and the largest groups (indicator × kind × hospital level)
 *    as 「次均住院费用有2家三级医院高于同级机构正常范围」 — never an institution's name or code.
 */

export interface NarrativeInput {
  regionName: string;
  /** A quarter-end month ("2025-06" → 2025年第二季度); another month is labelled as that month (2025年5月). */
  quarterEnd: Period;
  /** Region-level rows of that period (other rows are ignored). */
  rows: readonly MetricValues[];
  catalogue: readonly IndicatorDef[];
  /** Anomaly flags (anomalyFlags); those of other periods are ignored. */
  flags: readonly AnomalyFlag[];
  /** How many of the largest changes to highlight; default 3. */
  highlights?: number;
  /** How many flag groups to describe; default 3. */
  flagGroups?: number;
}

const SCHEME_SUFFIX: Record<Scheme, string> = { EMPLOYEE: "（职工）", RESIDENT: "（居民）", TOTAL: "（合计）" };
const KIND_ORDER: AnomalyKind[] = ["PEER_HIGH", "PEER_LOW", "YOY_UP", "YOY_DOWN"];

/** "2025年第二季度" for a quarter-end month, else "2025年5月". */
export function narrativePeriodLabel(period: Period): string {
  if (!isQuarterEnd(period)) return monthLabel(period);
  return quarterLabel(period);
}

function usesGrowth(node: FormulaNode): boolean {
  switch (node.kind) {
    case "number":
    case "ref":
      return false;
    case "neg":
      return usesGrowth(node.operand);
    case "binary":
      return usesGrowth(node.left) || usesGrowth(node.right);
    case "call":
      return node.name === "YOY" || node.name === "MOM" || node.args.some(usesGrowth);
  }
}

const isGrowthIndicator = (def: IndicatorDef): boolean => {
  if (def.formula === null) return false;
  const parsed = parseFormula(def.formula);
  return parsed.ok && usesGrowth(parsed.ast);
};

/** The schemes an indicator is described by: TOTAL alone when it has one, else each. */
const describedSchemes = (def: IndicatorDef): Scheme[] => (def.schemes.includes("TOTAL") ? ["TOTAL"] : def.schemes);

const nameOf = (def: IndicatorDef, scheme: Scheme): string =>
  describedSchemes(def).length > 1 ? def.nameZh + SCHEME_SUFFIX[scheme] : def.nameZh;

/** 「增长5.2%」「下降3.1%」, or null when it rounds to 0.0 %. */
function growthWords(yoy: Decimal): string | null {
  const pct = percentNumber(yoy.abs());
  if (new Decimal(pct.replace(/,/g, "")).isZero()) return null;
  return `${yoy.isNegative() ? "下降" : "增长"}${pct}%`;
}

function clause(def: IndicatorDef, row: MetricValues, period: Period): string {
  const ytd = new Decimal(row.ytd!);
  const name = nameOf(def, row.scheme);
  if (def.unit === "%") {
    let text = `${name}为${narrativeValue(ytd, "%")}`;
    if (row.prevYearYtd !== null) {
      // The stored difference (docs/metrics.md: yoyDiff, in percentage points), rounded once more for prose.
      const diff = row.yoyDiff != null ? new Decimal(row.yoyDiff) : ytd.minus(row.prevYearYtd);
      const pp = diff.abs().toFixed(2);
      text += new Decimal(pp).isZero() ? "，与上年同期持平" : `，比上年同期${diff.isNegative() ? "降低" : "提高"}${pp}个百分点`;
    }
    return text;
  }
  let text = `${name}${def.basis === "RATE" ? "为" : ""}${narrativeValue(ytd, def.unit)}`;
  if (row.prevYearYtd !== null) {
    const prev = new Decimal(row.prevYearYtd);
    if (ytd.isNegative() || prev.isNegative()) {
      text += `，上年同期为${narrativeValue(prev, def.unit)}`;
    } else if (row.yoy !== null) {
      const words = growthWords(new Decimal(row.yoy));
      text += words === null ? "，与上年同期持平" : `，同比${words}`;
    }
  }
  if (row.scheme === "RESIDENT" && def.basis === "FLOW" && ytd.isNegative() && quarterOf(period) < 4) {
    text += "（居民医保个人缴费多在第四季度到账，前三季度为负属正常）";
  }
  return text;
}

export function draftNarrative(input: NarrativeInput): string[] {
  const { regionName, quarterEnd: period, catalogue } = input;
  if (!isPeriod(period)) throw new Error(`无效的期间“${period}”，应为 YYYY-MM`);
  const label = narrativePeriodLabel(period);
  const order = new Map(catalogue.map((d, i) => [d.code, i]));
  const defs = new Map(catalogue.map((d) => [d.code, d]));
  const rows = new Map<string, MetricValues>();
  for (const r of input.rows) if (r.institutionCode === null && r.period === period) rows.set(`${r.indicatorCode}|${r.scheme}`, r);

  // 1. One paragraph per category.
  const byCategory = new Map<string, string[]>();
  for (const def of catalogue) {
    if (def.scope !== "REGION" || def.tag === "INTERNAL" || isGrowthIndicator(def)) continue;
    for (const scheme of describedSchemes(def)) {
      const row = rows.get(`${def.code}|${scheme}`);
      if (!row || row.ytd === null) continue;
      const list = byCategory.get(def.category) ?? [];
      list.push(clause(def, row, period));
      byCategory.set(def.category, list);
    }
  }
  const paragraphs: string[] = [];
  for (const [category, clauses] of byCategory) {
    const lead = paragraphs.length === 0 ? `${label}，${regionName}` : "";
    paragraphs.push(`${lead}${category}方面，${clauses.join("；")}。`);
  }
  if (paragraphs.length === 0) paragraphs.push(`${label}，${regionName}暂无可供解读的已审核数据。`);

  // 2. The largest year-on-year changes among the national indicators.
  const candidates: { name: string; yoy: Decimal; rank: number }[] = [];
  for (const def of catalogue) {
    if (def.scope !== "REGION" || def.tag !== "NATIONAL_REQUIRED" || def.unit === "%" || isGrowthIndicator(def)) continue;
    for (const scheme of describedSchemes(def)) {
      const row = rows.get(`${def.code}|${scheme}`);
      if (!row || row.yoy === null || row.ytd === null || row.prevYearYtd === null) continue;
      if (new Decimal(row.ytd).isNegative() || !new Decimal(row.prevYearYtd).isPositive()) continue;
      candidates.push({
        name: nameOf(def, scheme),
        yoy: new Decimal(row.yoy),
        rank: order.get(def.code)! * SCHEMES.length + SCHEMES.indexOf(scheme),
      });
    }
  }
  candidates.sort((a, b) => b.yoy.abs().cmp(a.yoy.abs()) || a.rank - b.rank);
  const top = candidates.slice(0, input.highlights ?? 3);
  if (top.length > 0) {
    const items = top.map((c) => {
      const words = growthWords(c.yoy);
      return words === null ? `${c.name}与上年同期持平` : `${c.name}${words}`;
    });
    paragraphs.push(`同比变动较大的指标：${items.join("，")}。`);
  }

  // 3. Anomaly flags, grouped, never naming an institution.
  const flags = input.flags.filter((f) => f.period === period);
  if (flags.length === 0) {
    paragraphs.push("本期未发现需提示的指标异常。");
  } else {
    const groups = new Map<string, { flag: AnomalyFlag; count: number }>();
    for (const f of flags) {
      const key = [
        f.indicatorCode,
        f.scheme,
        f.kind,
        f.peerGroup ?? "",
        f.institutionCode === null ? "\u0000region" : (f.level ?? ""),
        f.view,
        f.threshold ?? "",
      ].join("|");
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { flag: f, count: 1 });
    }
    const levelRank = (level: string | null) => {
      const i = level === null ? -1 : (INSTITUTION_LEVELS as readonly string[]).indexOf(level);
      return i >= 0 ? i : INSTITUTION_LEVELS.length + (level === null ? 1 : 0);
    };
    const sorted = [...groups.values()].sort(
      (a, b) =>
        b.count - a.count ||
        (order.get(a.flag.indicatorCode) ?? Infinity) - (order.get(b.flag.indicatorCode) ?? Infinity) ||
        a.flag.indicatorCode.localeCompare(b.flag.indicatorCode) ||
        SCHEMES.indexOf(a.flag.scheme) - SCHEMES.indexOf(b.flag.scheme) ||
        KIND_ORDER.indexOf(a.flag.kind) - KIND_ORDER.indexOf(b.flag.kind) ||
        levelRank(a.flag.level) - levelRank(b.flag.level) ||
        (a.flag.level ?? "").localeCompare(b.flag.level ?? ""),
    );
    const shown = sorted.slice(0, input.flagGroups ?? 3);
    const parts = shown.map(({ flag, count }) => {
      const def = defs.get(flag.indicatorCode);
      let name = def ? nameOf(def, flag.scheme) : flag.indicatorCode;
      if (def && flag.view === "month" && flag.kind.startsWith("PEER") && (def.basis === "FLOW" || def.formula !== null))
        name += "（当月）";
      const group = flag.peerGroup === "REGION" ? "全区机构" : "同级机构";
      const threshold = flag.threshold === null ? "" : `±${shortest(new Decimal(flag.threshold).mul(100))}%的`;
      const what =
        flag.kind === "PEER_HIGH"
          ? `高于${group}正常范围`
          : flag.kind === "PEER_LOW"
            ? `低于${group}正常范围`
            : `同比${flag.kind === "YOY_UP" ? "增长" : "下降"}超过${threshold}提示阈值`;
      return flag.institutionCode === null ? `${name}${what}` : `${name}有${count}家${levelNoun(flag.level)}${what}`;
    });
    paragraphs.push(`本期共有${flags.length}条指标异常提示，其中${parts.join("；")}${sorted.length > shown.length ? "等" : ""}。`);
  }
  return paragraphs;
}
