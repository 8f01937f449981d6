import type { IndicatorDef } from "../catalogue";
import { dateSerialHint, dateSerialText, percentAsFraction } from "./typing-slips";
import { type CheckContext, type Entry, abs, entryOf, issueOf, key, pct, prevValue, show } from "./sheet-checks";
import { MICRO } from "./sheet-decimal";

/**
 * Month on month for the values that are not year-to-date: rates (the period's own rate) and stocks (the
 * month-end figure) are compared as they stand with last month's accepted value (January: December's). A
 * percentage typed with its sign (0.9828 for 98.28) gets its own warning instead of a −99 % change: one
 * problem, one message. A date typed into a number cell whose format stayed numeric (46,356 people instead
 * of 2,500,000) lands here too.
 */
export function checkLevels(ctx: CheckContext): void {
  const last = ctx.period!.month === 1 ? ctx.previous.prevDecember : ctx.previous.sameYearPrevMonth;
  if (!last) return;
  for (const [ind, slot] of ctx.current.slots()) {
    if (ind.basis === "FLOW") continue;
    for (const scheme of ind.schemes) {
      const entry = entryOf(slot[scheme]);
      if (entry?.value == null) continue;
      const prev = prevValue(last, key(ind.code, scheme, entry.cell.institutionCode));
      if (prev !== null) checkLevel(ctx, ind, entry, entry.value, prev);
    }
  }
}

function checkLevel(ctx: CheckContext, ind: IndicatorDef, entry: Entry, v: bigint, prev: bigint): void {
  const name = ctx.describe(ind, entry.cell.scheme, entry.cell.institutionCode, entry.instName);
  const hint = percentAsFraction(ind.unit, v, prev, null);
  if (hint) {
    ctx.issues.add({
      severity: "WARNING",
      rule: "value.percent-as-fraction",
      ...issueOf(entry),
      message: `${name}：${hint}（数值 ${show(v)}，上月为 ${show(prev)}；单位是 %，填百分号前的数字）。`,
    });
    return;
  }
  if (prev === 0n) return;
  const change = v - prev;
  if (abs(change) * MICRO <= ctx.momThreshold * abs(prev)) return;
  const what = ind.basis === "STOCK" ? "月末数" : "本期数";
  ctx.issues.add({
    severity: "WARNING",
    rule: "cross.mom-change",
    ...issueOf(entry),
    message:
      `${name}：${what} ${show(v)} 比上月 ${show(prev)} ${change < 0n ? "减少" : "增加"} ${pct(abs(change), abs(prev))}%，` +
      `超过 ±${pct(ctx.momThreshold, MICRO)}% 的提示阈值，请核实${dateSlip(v, prev)}。`,
  });
}

/** The date hint, unless last month's value reads as a date as well (then the figure is simply of that size). */
const dateSlip = (v: bigint, prev: bigint) => {
  const hint = dateSerialText(prev) ? null : dateSerialHint(v);
  return hint ? `；${hint}` : "";
};
