/**
 * How a change is written beside a number (docs/publications.md): ▲/▼ with the number; for %-unit indicators the
 * change is in 百分点, otherwise a growth rate in %; both with 2 decimals. Colour only where the catalogue
 * declares a desirable direction (e.g. 自费率 down is good) — otherwise neutral, because red-up/green-down
 * stock colours mislead for expenditure. Pure, shared by cards, tables, the PDF and the exports.
 */
import { Decimal } from "@/app/_domain/formula/decimal";
import { grouped } from "@/app/_domain/metrics/format";
import { MISSING } from "@/app/_domain/metrics/display";

/** The direction the catalogue calls desirable, or null when it declares none (then no colour). */
export type Desirable = "UP" | "DOWN" | null;
export type Tone = "good" | "bad" | "neutral";

export interface ChangeText {
  /** "▲ 5.23%", "▼ 1.20 百分点", "持平", or "—" when missing. */
  text: string;
  tone: Tone;
  /** For screen readers and exports: "同比增长 5.23%", "同比下降 1.20 个百分点". */
  spoken: string;
}

/**
 * A change. `value` is a growth fraction ("0.0523" = +5.23%) when `kind` is "growth", or a difference in
 * percentage points ("-1.2" = −1.20 百分点) when `kind` is "points".
 */
export function changeText(
  value: string | null | undefined,
  kind: "growth" | "points",
  desirable: Desirable = null,
  label = "同比",
): ChangeText {
  if (value === null || value === undefined || value === "") return { text: MISSING, tone: "neutral", spoken: `${label}无可比数据` };
  const d = new Decimal(value);
  const magnitude = grouped(kind === "growth" ? d.abs().mul(100) : d.abs(), 2);
  if (/^[0.,]+$/.test(magnitude)) return { text: "持平", tone: "neutral", spoken: `${label}持平` };
  const up = !d.isNegative();
  const unit = kind === "growth" ? "%" : " 百分点";
  const tone: Tone = desirable === null ? "neutral" : (desirable === "UP") === up ? "good" : "bad";
  const spoken = `${label}${up ? "增长" : "下降"} ${magnitude}${kind === "growth" ? "%" : " 个百分点"}`;
  return { text: `${up ? "▲" : "▼"} ${magnitude}${unit}`, tone, spoken };
}

/** Which change a unit takes: %-unit indicators change in 百分点, everything else by a growth rate. */
export const changeKind = (unit: string): "growth" | "points" => (unit === "%" ? "points" : "growth");

export const TONE_COLORS: Record<Tone, string> = { good: "#237804", bad: "#c92a2a", neutral: "#595959" };
