import type { Prisma } from "../generated/prisma/client";

/** One version of a month's sheet as the lists and the version page show it: who, when, what, how it ended. */
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

/** What `toVersionSummary` reads (never the original file's bytes). */
export const versionSummarySelect = {
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
} satisfies Prisma.SheetVersionSelect;

export function toVersionSummary(v: Prisma.SheetVersionGetPayload<{ select: typeof versionSummarySelect }>): SheetVersionSummary {
  return {
    id: v.id,
    version: v.version,
    status: v.status,
    source: v.source,
    fileName: v.fileName,
    valueCount: v.valueCount,
    warningCount: ((v.report as { warnings?: unknown[] } | null)?.warnings ?? []).length,
    uploadedBy: v.uploadedBy.displayName,
    uploadedById: v.uploadedById,
    uploadedAt: v.uploadedAt.toISOString(),
    reviewedBy: v.reviewedBy?.displayName ?? null,
    reviewedAt: v.reviewedAt?.toISOString() ?? null,
    reviewComment: v.reviewComment,
  };
}
