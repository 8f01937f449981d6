import type { IndicatorDef, Scheme } from "@/app/_domain/catalogue";
import { canonicalDecimal } from "@/app/_domain/catalogues/bounds";
import type { Prisma } from "../generated/prisma/client";

/** Conversions between Indicator rows and the domain's IndicatorDef (decimals as canonical strings). */

type IndicatorRow = Prisma.IndicatorGetPayload<object>;

export function toIndicatorDef(r: IndicatorRow): IndicatorDef {
  return {
    code: r.code,
    category: r.category,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    unit: r.unit,
    frequency: r.frequency,
    schemes: r.schemes as Scheme[],
    scope: r.scope,
    basis: r.basis,
    formula: r.formula,
    minValue: r.minValue === null ? null : canonicalDecimal(r.minValue),
    maxValue: r.maxValue === null ? null : canonicalDecimal(r.maxValue),
    definition: r.definition,
    tag: r.tag,
    evidence: r.evidence,
  };
}

/** The columns of an Indicator row for one IndicatorDef (bounds go in as decimal strings, never floats). */
export function indicatorData(d: IndicatorDef) {
  return {
    code: d.code,
    category: d.category,
    nameZh: d.nameZh,
    nameEn: d.nameEn,
    unit: d.unit,
    frequency: d.frequency,
    schemes: d.schemes,
    scope: d.scope,
    basis: d.basis,
    formula: d.formula,
    minValue: d.minValue,
    maxValue: d.maxValue,
    definition: d.definition,
    tag: d.tag,
    evidence: d.evidence,
  } satisfies Omit<Prisma.IndicatorCreateManyInput, "catalogueVersionId">;
}

export function indicatorCreateMany(
  defs: readonly IndicatorDef[],
  catalogueVersionId: string,
  regionId: string | null = null,
  firstSortOrder = 0,
): Prisma.IndicatorCreateManyInput[] {
  return defs.map((d, i) => ({ ...indicatorData(d), catalogueVersionId, regionId, sortOrder: firstSortOrder + i }));
}
