import type { IndicatorDef, Scheme } from "@/app/_domain/catalogue";
import { SheetDecimal } from "@/app/_domain/sheets/sheet-decimal";

/**
 * A minimal complete sheet for tests: every input of the catalogue, every scheme, every institution, with
 * values that pass the identities (TOTAL = EMPLOYEE + RESIDENT) and grow month by month (FLOW is year-to-date).
 * `over` replaces cells by "CODE|SCHEME|INSTITUTION" (institution empty for region-level values).
 */
export function completeSheetRows(
  catalogue: readonly IndicatorDef[],
  regionCode: string,
  period: string,
  institutions: readonly string[],
  over: Record<string, string> = {},
): string[][] {
  const month = Number(period.slice(5));
  const rows: string[][] = [];
  const weight: Record<Scheme, number> = { EMPLOYEE: 2, RESIDENT: 1, TOTAL: 3 };
  const value = (i: IndicatorDef, scheme: Scheme) => {
    if (i.basis === "RATE") {
      const min = new SheetDecimal(i.minValue ?? "0");
      const max = new SheetDecimal(i.maxValue ?? "100");
      return min.plus(max.minus(min).div(4)).toDecimalPlaces(2).toFixed();
    }
    const base = i.basis === "FLOW" ? 100 * month : 1000;
    return String(base * (i.schemes.length === 1 ? 1 : weight[scheme]));
  };
  for (const i of catalogue) {
    if (i.formula !== null) continue;
    const targets = i.scope === "REGION" ? [""] : institutions;
    for (const inst of targets)
      for (const scheme of i.schemes) {
        const key = `${i.code}|${scheme}|${inst}`;
        rows.push([regionCode, period, i.code, scheme, inst, over[key] ?? value(i, scheme)]);
      }
  }
  return rows;
}
