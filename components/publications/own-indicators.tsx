import type { OwnIndicatorRow, PeerPoint, PositionView } from "@/app/_domain/publications/types";
import { rankingChartOf } from "@/components/charts/ranking-chart";
import { indicatorName, numText, rankingChoice, yoyOf } from "./figures";
import { RankingPicker } from "./ranking-picker";
import s from "./dashboard.module.css";

const VIEW_LABELS = { quarter: "本季", month: "本月", ytd: "本年累计" } as const;
const rank = (p: PositionView) => (p.rank === null ? "—" : `${p.rank}/${p.count}`);
const pct = (p: PositionView) => (p.percentile === null ? "—" : `P${Math.round(p.percentile)}`);

/**
 * 本院指标与同级比较: the institution's values against the region and its level (rank 1 = highest value,
 * percentile 100 = highest, level median and quartiles), then a ranking chart of one chosen indicator among the
 * peers the recipient may see.
 */
export function OwnIndicators({ rows, peers, levelLabel }: { rows: OwnIndicatorRow[]; peers: PeerPoint[]; levelLabel: string }) {
  if (rows.length === 0) return <p className={s.empty}>本期无本院数据</p>;
  // The picker gets the peers' labels once and each indicator's values, not a chart per indicator.
  const labels = peers.map((p) => ({ label: p.label, own: p.own }));
  const choices = rows.map((r) => rankingChoice(r.indicator, peers, r.level)).filter((c) => rankingChartOf(labels, c) !== null);
  return (
    <>
      <div className={s.tableWrap} data-testid="own-indicators">
        <table className={s.table}>
          <thead>
            <tr>
              <th scope="col">指标</th>
              <th scope="col">本院</th>
              <th scope="col">同比</th>
              <th scope="col">全区排名</th>
              <th scope="col">{levelLabel}排名</th>
              <th scope="col">{levelLabel}百分位</th>
              <th scope="col">{levelLabel}中位数</th>
              <th scope="col">{levelLabel}四分位（P25–P75）</th>
              <th scope="col">全区中位数</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const i = r.indicator;
              const yoy = yoyOf(r.figure, i, r.view === "quarter");
              return (
                <tr key={`${i.code}:${i.scheme}`}>
                  <th scope="row" style={{ fontWeight: 400, textAlign: "left" }} title={i.definition ?? undefined}>
                    <span className={s.code}>{i.code}</span>
                    {indicatorName(i)}
                    <span className={s.muted}>
                      （{i.unit === "%" ? "%" : i.unit}，{VIEW_LABELS[r.view]}）
                    </span>
                  </th>
                  <td style={{ fontWeight: 600 }}>{numText(r.value, i.unit)}</td>
                  <td className={s[yoy.tone]} aria-label={yoy.spoken}>
                    {yoy.text}
                  </td>
                  <td>{rank(r.inRegion)}</td>
                  <td>{rank(r.inLevel)}</td>
                  <td>{pct(r.inLevel)}</td>
                  <td>{numText(r.level.median, i.unit)}</td>
                  <td>
                    {numText(r.level.q1, i.unit)} – {numText(r.level.q3, i.unit)}
                  </td>
                  <td>{numText(r.region.median, i.unit)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className={s.note}>排名按数值从高到低（第 1 名数值最高），百分位 100 表示同级最高；数值高低的好坏需结合指标含义判断。</p>
      {choices.length > 0 && <RankingPicker peers={labels} choices={choices} />}
    </>
  );
}
