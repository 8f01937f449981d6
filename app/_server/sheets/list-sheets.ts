import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { notFound } from "../errors";

export interface SheetVersionSummary {
  id: string;
  version: number;
  status: "VALIDATED" | "ACCEPTED" | "REJECTED" | "SUPERSEDED";
  source: "XLSX" | "CSV" | "API";
  fileName: string;
  valueCount: number;
  warningCount: number;
  uploadedBy: string;
  uploadedById: string;
  uploadedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
}

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
      versions: {
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          status: true,
          source: true,
          fileName: true,
          valueCount: true,
          report: true,
          uploadedAt: true,
          uploadedById: true,
          uploadedBy: { select: { displayName: true } },
          reviewedAt: true,
          reviewedBy: { select: { displayName: true } },
          reviewComment: true,
        },
      },
    },
  });
  return {
    regionCode: region.code,
    regionName: region.name,
    sheets: sheets.map((s) => ({
      period: s.period,
      accepted: s.versions.find((v) => v.status === "ACCEPTED")?.version ?? null,
      pending: s.versions.filter((v) => v.status === "VALIDATED").length,
      versions: s.versions.map((v) => ({
        id: v.id,
        version: v.version,
        status: v.status,
        source: v.source,
        fileName: v.fileName,
        valueCount: v.valueCount,
        warningCount: ((v.report as { warnings?: unknown[] })?.warnings ?? []).length,
        uploadedBy: v.uploadedBy.displayName,
        uploadedById: v.uploadedById,
        uploadedAt: v.uploadedAt.toISOString(),
        reviewedBy: v.reviewedBy?.displayName ?? null,
        reviewedAt: v.reviewedAt?.toISOString() ?? null,
        reviewComment: v.reviewComment,
      })),
    })),
  };
}
