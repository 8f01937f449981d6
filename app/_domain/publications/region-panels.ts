import type { IndicatorDef } from "../catalogue";
import { Decimal } from "../formula/decimal";
import { addMonths, monthsElapsed, previousDecember, type Period } from "../periods";
import { figure, num, resolve, series, type NumOptions, type RowIndex } from "./figures";
import { trendMonths } from "./layouts";
import type { IndicatorInfo, PanelData, PanelSpec, PublicationKind, Series, SheetVersionRef } from "./types";

/** The data of the region panels (the same for every recipient), from stored region rows. */
export interface RegionPanelContext {
  kind: PublicationKind;
  end: Period;
  defs: ReadonlyMap<string, IndicatorDef>;
  rows: RowIndex;
  narrative: string;
  sheetVersions: SheetVersionRef[];
  catalogueName: string;
  contact: string;
  suppression: NumOptions;
  /** Every indicator the layout shows (for NOTES). */
  shown: IndicatorInfo[];
}

const text6 = (d: Decimal) => {
  const r = d.toDecimalPlaces(6);
  return r.isZero() ? "0" : r.toFixed();
};

export function regionPanel(panel: PanelSpec, c: RegionPanelContext): PanelData | null {
  const o = c.suppression;
  const quarterly = c.kind === "QUARTERLY_RELEASE";
  const months24 = trendMonths(c.end, 24);
  const months12 = trendMonths(c.end, 12);
  const resolved = (refs: PanelSpec["indicators"]) => (refs ?? []).map((r) => resolve(c.defs, r)).filter((x) => x !== undefined);
  const seriesOf = (ref: NonNullable<PanelSpec["x"]>): Series | null => {
    const r = resolve(c.defs, ref);
    return r ? { indicator: r.info, points: series(r.def, r.info, c.rows, months24, o) } : null;
  };
  switch (panel.kind) {
    case "KPI_CARDS":
      return {
        kind: "KPI_CARDS",
        cards: resolved(panel.indicators).map(({ def, info }) => ({
          indicator: info,
          figure: figure(def, info, c.rows, c.end, null, quarterly, o),
          sparkline: series(def, info, c.rows, months12, o),
        })),
      };
    case "TREND":
      return {
        kind: "TREND",
        lines: resolved(panel.indicators).map(({ def, info }) => ({
          indicator: info,
          current: series(def, info, c.rows, months24, o),
          lastYear: series(
            def,
            info,
            c.rows,
            months24.map((m) => addMonths(m, -12)),
            o,
          ),
        })),
      };
    case "INCOME_EXPENDITURE":
      return {
        kind: "INCOME_EXPENDITURE",
        pairs: (panel.pairs ?? []).flatMap((p) => {
          const income = seriesOf(p.income);
          const expenditure = seriesOf(p.expenditure);
          return income && expenditure ? [{ label: p.label, income, expenditure }] : [];
        }),
      };
    case "BALANCE_CAPACITY":
      return {
        kind: "BALANCE_CAPACITY",
        balances: (panel.balances ?? []).map(seriesOf).filter((s) => s !== null),
        capacities: (panel.capacities ?? []).map(seriesOf).filter((s) => s !== null),
        band: [6, 9],
      };
    case "BUDGET_EXECUTION": {
      const [spent, plan] = resolved(panel.indicators);
      if (!spent) return null;
      const ytd = c.rows.get(c.end, spent.def.code, spent.info.scheme, null)?.ytd ?? null;
      // The year's budget is last year's plan for the next year (BG01 reported at last December).
      const budget = plan ? (c.rows.get(previousDecember(c.end), plan.def.code, plan.info.scheme, null)?.ytd ?? null) : null;
      const execution = ytd !== null && budget !== null && !new Decimal(budget).isZero() ? text6(new Decimal(ytd).div(budget)) : null;
      return {
        kind: "BUDGET_EXECUTION",
        indicator: spent.info,
        ytd: num(ytd, spent.def.unit, o),
        budget: num(budget, spent.def.unit, o),
        execution,
        timeProgress: text6(new Decimal(monthsElapsed(c.end)).div(12)),
      };
    }
    case "INDICATOR_TABLE":
      return {
        kind: "INDICATOR_TABLE",
        rows: resolved(panel.indicators).map(({ def, info }) => ({
          indicator: info,
          figure: figure(def, info, c.rows, c.end, null, quarterly, o),
          trend: series(def, info, c.rows, months12, o),
        })),
      };
    case "NARRATIVE":
      return { kind: "NARRATIVE", text: panel.source === "narrative" ? c.narrative : (panel.text ?? "") };
    case "NOTES":
      return {
        kind: "NOTES",
        indicators: c.shown,
        dataCutoff: `数据截至${c.end.slice(0, 4)}年${Number(c.end.slice(5))}月，依据${c.catalogueName}与各月已审核通过的数据底稿版本`,
        sheetVersions: c.sheetVersions,
        suppression: `为保护个人信息，人数、人次类指标小于 ${o.threshold} 的数值不予显示（显示为“<${o.threshold}”）。`,
        contact: c.contact,
      };
    default:
      return null;
  }
}
