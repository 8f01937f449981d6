import type { IndicatorRow } from "@/app/_domain/publications/types";
import { indicatorName, momOf, numText, yoyOf } from "./figures";
import s from "./dashboard.module.css";

/** 指标表 (DRG/DIP 运行, 医疗服务, 医疗救助 …): 本期, 本年累计, 同比, 环比 — 百分点 for %-unit indicators. */
export function IndicatorTable({ rows, quarter }: { rows: IndicatorRow[]; quarter: boolean }) {
  if (rows.length === 0) return <p className={s.empty}>本期无数据</p>;
  return (
    <div className={s.tableWrap}>
      <table className={s.table}>
        <thead>
          <tr>
            <th scope="col">指标</th>
            <th scope="col">{quarter ? "本季" : "本月"}</th>
            <th scope="col">本年累计</th>
            <th scope="col">同比</th>
            <th scope="col">{quarter ? "环比（上季）" : "环比（上月）"}</th>
            <th scope="col">单位</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const i = r.indicator;
            const yoy = yoyOf(r.figure, i, quarter);
            const mom = momOf(r.figure, i, quarter);
            return (
              <tr key={`${i.code}:${i.scheme}`}>
                <th scope="row" style={{ fontWeight: 400, textAlign: "left" }} title={i.definition ?? undefined}>
                  <span className={s.code}>{i.code}</span>
                  {indicatorName(i)}
                </th>
                <td>{numText(quarter && r.figure.quarter !== null ? r.figure.quarter : (r.figure.month ?? r.figure.ytd), i.unit)}</td>
                <td>{numText(r.figure.ytd, i.unit)}</td>
                <td className={s[yoy.tone]} aria-label={yoy.spoken}>
                  {yoy.text}
                </td>
                <td className={s[mom.tone]} aria-label={mom.spoken}>
                  {mom.text}
                </td>
                <td className={s.muted}>{i.unit}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
