import { can } from "@/app/_domain/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { recordDenial, requirePermission } from "./guard";
import type { Session } from "./session";

export interface ReadableRegion {
  id: string;
  code: string;
  name: string;
  /** The regions the caller may switch between (a supervisor's province; region staff: their own). */
  choices: { code: string; name: string }[];
  /** Whether the caller reads this region's institution-level values (region staff; supervisors only as published). */
  institutions: boolean;
}

/**
 * The one scope rule of region reads (metrics, lineage, trend, institutions, narrative and the metrics API):
 * which region the caller reads. Region staff read their own region, supervisors the active regions of their
 * province (the first by code when none is named). It goes through requirePermission, so a session with a
 * pending step is refused like everywhere else; anyone without a region-reading role — hospital users
 * included — and any region outside the caller's scope is "not found", audited, whether or not it exists.
 */
export async function readableRegion(
  caller: Session,
  regionCode: string | null | undefined,
  objectType: string,
  need: "region" | "institutions" = "region",
): Promise<ReadableRegion> {
  const code = regionCode ? String(regionCode).slice(0, 20) : null;
  const refuse = async () => {
    await recordDenial(caller, objectType, code ?? undefined);
    return notFound("统筹区");
  };
  const permission = can(caller.roles, "region.read") ? "region.read" : can(caller.roles, "province.read") ? "province.read" : null;
  // Institution-level values unpublished: region staff only (issue 16, finding 4); others "not found", audited.
  if (!permission || (need === "institutions" && !can(caller.roles, "metrics.institution.read"))) throw await refuse();
  await requirePermission(caller, permission, code ?? undefined);

  const prisma = await db();
  const select = { id: true, code: true, name: true } as const;
  let region: { id: string; code: string; name: string } | null = null;
  let choices: { code: string; name: string }[] = [];
  if (permission === "region.read" && caller.regionId) {
    const own = await prisma.region.findUnique({ where: { id: caller.regionId }, select });
    if (own && (code === null || code === own.code)) region = own;
    choices = own ? [{ code: own.code, name: own.name }] : [];
  } else if (permission === "province.read" && caller.provinceId) {
    const regions = await prisma.region.findMany({
      where: { provinceId: caller.provinceId, active: true },
      orderBy: { code: "asc" },
      select,
    });
    region = (code === null ? regions[0] : regions.find((r) => r.code === code)) ?? null;
    choices = regions;
  }
  if (!region) throw await refuse();
  return { ...region, choices, institutions: permission === "region.read" && can(caller.roles, "metrics.institution.read") };
}
