import type { KpiCard } from "@/app/_domain/publications/types";
import { EChart } from "@/components/charts/echart";
import { chartValue, indicatorName, momOf, numText, yoyOf } from "./figures";
import s from "./dashboard.module.css";

/** 指标卡: the period's value, 本年累计, 同比 and 环比 (百分点 for %-units), a 12-month sparkline. */
export function KpiCards({ cards, quarter }: { cards: KpiCard[]; quarter: boolean }) {
  return (
    <div className={s.cards} data-testid="kpi-cards">
      {cards.map((c) => {
        const unit = c.indicator.unit;
        const value = quarter && c.figure.quarter !== null ? c.figure.quarter : (c.figure.month ?? c.figure.ytd);
        const yoy = yoyOf(c.figure, c.indicator, quarter);
        const mom = momOf(c.figure, c.indicator, quarter);
        return (
          <div className={s.card} key={`${c.indicator.code}:${c.indicator.scheme}`}>
            <span className={s.cardLabel} title={c.indicator.definition ?? undefined}>
              {indicatorName(c.indicator)}
              {quarter ? " · 本季" : " · 本月"}
            </span>
            <span className={s.cardValue}>
              {numText(value, unit)}
              {unit !== "%" && <span className={s.unit}>{unit}</span>}
            </span>
            <span className={s.cardChanges}>
              <span className={s[yoy.tone]} aria-label={yoy.spoken}>
                同比 {yoy.text}
              </span>
              <span className={s[mom.tone]} aria-label={mom.spoken}>
                环比 {mom.text}
              </span>
            </span>
            {c.figure.ytd !== null && c.indicator.unit !== "%" && (
              <span className={s.cardChanges}>本年累计 {numText(c.figure.ytd, unit)}</span>
            )}
            {c.sparkline.length > 1 && (
              <EChart
                spec={{ kind: "sparkline", values: c.sparkline.map((p) => chartValue(p.value)) }}
                height={36}
                label={`${indicatorName(c.indicator)}近12个月走势`}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
