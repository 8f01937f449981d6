import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { notFound } from "../errors";
import { type SheetVersionSummary, toVersionSummary, versionSummarySelect } from "./version-summary";

export interface SheetSummary {
  period: string;
  versions: SheetVersionSummary[];
  accepted: number | null;
  pending: number;
}

/** The region's monthly sheets, newest month first, each with every version (region staff of that region). */
export async function listSheets(session: Session): Promise<{ regionCode: string; regionName: string; sheets: SheetSummary[] }> {
  await requirePermission(session, "region.read");
  if (!session.regionId) throw notFound("统筹区");
  const prisma = await db();
  const region = await prisma.region.findUnique({ where: { id: session.regionId } });
  if (!region) throw notFound("统筹区");
  const sheets = await prisma.sheet.findMany({
    where: { regionId: region.id },
    orderBy: { period: "desc" },
    include: {
      versions: { orderBy: { version: "desc" }, select: versionSummarySelect },
    },
  });
  return {
    regionCode: region.code,
    regionName: region.name,
    sheets: sheets.map((s) => ({
      period: s.period,
      accepted: s.versions.find((v) => v.status === "ACCEPTED")?.version ?? null,
      pending: s.versions.filter((v) => v.status === "VALIDATED").length,
      versions: s.versions.map(toVersionSummary),
    })),
  };
}
