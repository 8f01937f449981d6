import type { PanelView as Panel, PublicationView } from "@/app/_domain/publications/types";
import { EChart } from "@/components/charts/echart";
import { indicatorName, panelCharts } from "./figures";
import { IndicatorTable } from "./indicator-table";
import { KpiCards } from "./kpi-cards";
import { OwnIndicators } from "./own-indicators";
import s from "./dashboard.module.css";

const ALERT_KIND_LABELS = {
  PEER_HIGH: "明显高于同级",
  PEER_LOW: "明显低于同级",
  YOY_UP: "同比大幅上升",
  YOY_DOWN: "同比大幅下降",
} as const;
/** Panels that read better across the whole width on a wide screen. */
const WIDE = new Set(["KPI_CARDS", "INDICATOR_TABLE", "OWN_INDICATORS", "NARRATIVE", "NOTES", "ALERTS", "INCOME_EXPENDITURE"]);

/** One panel of a publication, as the caller may see it (server-rendered; only the charts load code). */
export function PanelView({ panel, view }: { panel: Panel; view: PublicationView }) {
  const quarter = view.kind === "QUARTERLY_RELEASE";
  const d = panel.data;
  const single = d !== null && panelCharts(d).length === 1;
  const wide = WIDE.has(panel.kind) || (d?.kind === "TREND" && d.lines.length > 1) || d?.kind === "PEER_DISTRIBUTION";
  return (
    <div className={`${s.panel} ${wide ? s.wide : ""}`} data-panel={panel.kind}>
      {panel.kind !== "KPI_CARDS" && !single && <h3 className={s.panelTitle}>{panel.title}</h3>}
      {d === null ? <p className={s.empty}>选择机构后显示本院内容</p> : <PanelBody panel={panel} view={view} quarter={quarter} />}
      {panel.note && <p className={s.note}>{panel.note}</p>}
    </div>
  );
}

function PanelBody({ panel, view, quarter }: { panel: Panel; view: PublicationView; quarter: boolean }) {
  const d = panel.data!;
  switch (d.kind) {
    case "KPI_CARDS":
      return <KpiCards cards={d.cards} quarter={quarter} />;
    case "INDICATOR_TABLE":
      return <IndicatorTable rows={d.rows} quarter={quarter} />;
    case "OWN_INDICATORS":
      return <OwnIndicators rows={d.rows} peers={d.peers} levelLabel={view.institution?.levelLabel ?? "同级"} />;
    case "NARRATIVE":
      return d.text.trim() ? <p className={s.narrative}>{d.text}</p> : <p className={s.empty}>本期暂无解读</p>;
    case "ALERTS":
      return d.alerts.length === 0 ? (
        <p className={s.empty} data-testid="alerts-none">
          本期本院无预警提示
        </p>
      ) : (
        <ul className={s.alerts} data-testid="alerts">
          {d.alerts.map((a, k) => (
            <li className={s.alert} key={k}>
              <strong>{indicatorName(a.indicator)}</strong>（{ALERT_KIND_LABELS[a.kind]}）：{a.reason}
              <span className={s.alertExplain}>数据工作组说明：{a.explanation ?? "暂无说明"}</span>
            </li>
          ))}
        </ul>
      );
    case "NOTES":
      return (
        <dl className={s.dl}>
          <dt>数据截至</dt>
          <dd>{d.dataCutoff}</dd>
          <dt>底稿版本</dt>
          <dd>{d.sheetVersions.map((v) => `${v.period} 第${v.version}版`).join("，") || "—"}</dd>
          <dt>小数保护</dt>
          <dd>{d.suppression}</dd>
          <dt>联系方式</dt>
          <dd>{d.contact}</dd>
          {d.indicators.map((i) => (
            <Definition key={`${i.code}:${i.scheme}`} code={i.code} name={indicatorName(i)} text={i.definition} />
          ))}
        </dl>
      );
    default: {
      const charts = panelCharts(d, {
        peersNamed: view.peerMode === "NAMED",
        levelLabel: view.institution?.levelLabel,
        title: panel.title,
      });
      if (charts.length === 0) return <p className={s.empty}>本期无数据</p>;
      return (
        <div className={charts.length > 1 ? s.charts : undefined}>
          {charts.map((c, k) => (
            <EChart key={k} spec={c.spec} height={c.height} label={c.label} testId={`chart-${panel.kind.toLowerCase()}`} />
          ))}
        </div>
      );
    }
  }
}

function Definition({ code, name, text }: { code: string; name: string; text: string | null }) {
  return (
    <>
      <dt>
        <span className={s.code}>{code}</span>
        {name}
      </dt>
      <dd>{text ?? "—"}</dd>
    </>
  );
}
