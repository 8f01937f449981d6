import { neutraliseCell } from "../catalogues/table-format";
import { SCHEME_LABELS } from "../catalogue";
import { formatMom, formatNum, formatYoy } from "./format";
import type { PublicationView } from "./types";

/**
 * The rows of an export: exactly the numbers of the caller's view (suppressed cells keep their marker, missing
 * ones "—"), one row per figure or peer value, every cell neutralised against spreadsheet formulas (= + - @).
 */
export const EXPORT_HEADER = ["栏目", "图表", "对象", "指标", "险种", "本期", "本年累计", "同比", "环比", "单位"];

export function exportRows(view: PublicationView): string[][] {
  const rows: string[][] = [];
  const quarter = view.kind === "QUARTERLY_RELEASE";
  for (const section of view.sections)
    for (const panel of section.panels) {
      const d = panel.data;
      if (!d) continue;
      const add = (object: string, info: { nameZh: string; scheme: keyof typeof SCHEME_LABELS; unit: string }, cells: string[]) =>
        rows.push([section.title, panel.title, object, info.nameZh, SCHEME_LABELS[info.scheme], ...cells, info.unit]);
      const regionName = view.region.name;
      if (d.kind === "KPI_CARDS" || d.kind === "INDICATOR_TABLE")
        for (const { indicator: i, figure: f } of d.kind === "KPI_CARDS" ? d.cards : d.rows)
          add(regionName, i, [
            formatNum(quarter ? f.quarter : f.month, i.unit),
            formatNum(f.ytd, i.unit),
            formatYoy(i, f, quarter),
            formatMom(i, f, quarter),
          ]);
      else if (d.kind === "OWN_INDICATORS") {
        for (const r of d.rows)
          add(view.institution?.name ?? "本院", r.indicator, [
            formatNum(r.value, r.indicator.unit),
            formatNum(r.figure.ytd, r.indicator.unit),
            formatYoy(r.indicator, r.figure),
            formatMom(r.indicator, r.figure, quarter),
          ]);
        for (const p of d.peers.filter((p) => !p.own))
          for (const r of d.rows)
            add(p.label, r.indicator, [formatNum(p.values[`${r.indicator.code}:${r.indicator.scheme}`], r.indicator.unit), "", "", ""]);
      } else if (d.kind === "PEER_DISTRIBUTION")
        for (const r of d.rows) {
          const u = r.indicator.unit;
          add(`同级机构（${r.level.count} 家）`, r.indicator, [
            `下四分位 ${formatNum(r.level.q1, u)}；中位数 ${formatNum(r.level.median, u)}；上四分位 ${formatNum(r.level.q3, u)}`,
            "",
            "",
            "",
          ]);
        }
      else if (d.kind === "ALERTS")
        for (const a of d.alerts)
          rows.push([
            section.title,
            panel.title,
            view.institution?.name ?? "本院",
            a.indicator.nameZh,
            SCHEME_LABELS[a.indicator.scheme],
            a.reason,
            "",
            "",
            a.explanation ?? "",
            "",
          ]);
      else if (d.kind === "NARRATIVE" && d.text) rows.push([section.title, panel.title, regionName, "", "", d.text, "", "", "", ""]);
    }
  return rows.map((r) => r.map(neutraliseCell));
}
