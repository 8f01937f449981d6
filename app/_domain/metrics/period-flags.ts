import type { IndicatorDef } from "../catalogue";
import type { FlagRow, SetRows } from "./compute-metrics";
import { anomalyFlags, type AnomalyFlag, type PeerView } from "./peers";

/**
 * All anomaly flags of one period of a region (anomalyFlags, indicator × scheme by indicator × scheme, in
 * catalogue order): institution indicators against their peers and on year-on-year change, region indicators
 * on year-on-year change. Growth-rate indicators (formulas with YOY or MOM) are left out: the growth of a growth
 * rate says nothing a reader can act on, and their base indicator is flagged already.
 */
export function periodFlags(input: {
  catalogue: readonly IndicatorDef[];
  institutions: readonly { code: string; level: string }[];
  /** One period's rows (region and institution): MetricValues, or only what the flags read; or those of each set. */
  rows: readonly FlagRow[] | SetRows;
  view?: PeerView;
  /** false: the flags without their texts (see AnomalyOptions.texts). */
  texts?: boolean;
}): AnomalyFlag[] {
  const rowsOf = typeof input.rows === "function" ? input.rows : grouped(input.rows);
  const flags: AnomalyFlag[] = [];
  for (const def of input.catalogue) {
    if (isGrowthIndicator(def)) continue;
    for (const scheme of def.schemes) {
      const rows = rowsOf(def.code, scheme, def.scope !== "REGION");
      if (!rows?.length) continue;
      flags.push(...anomalyFlags({ rows, institutions: input.institutions, indicator: def, view: input.view, texts: input.texts }));
    }
  }
  return flags;
}

function grouped(rows: readonly FlagRow[]): SetRows {
  const groups = new Map<string, FlagRow[]>();
  for (const r of rows) {
    const key = `${r.indicatorCode}|${r.scheme}|${r.institutionCode === null ? "R" : "I"}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return (code, scheme, institution) => groups.get(`${code}|${scheme}|${institution ? "I" : "R"}`);
}

export const isGrowthIndicator = (def: Pick<IndicatorDef, "formula">): boolean =>
  def.formula !== null && /\b(YOY|MOM)\s*\(/.test(def.formula);
