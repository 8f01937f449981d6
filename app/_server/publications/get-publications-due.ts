import "server-only";
import { addMonths, currentPeriod, monthLabel } from "@/app/_domain/periods";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { notFound } from "../errors";
import type { DueDto } from "./dto";

/**
 * The workbench's "what is due" for the region staff: last month's sheet (reported in the month after), sheet
 * versions waiting for review, publication drafts waiting for edit, review or publishing, and embargoes lifting
 * within 7 days.
 */
export async function getPublicationsDue(session: Session, now: Date = new Date()): Promise<DueDto> {
  await requirePermission(session, "region.read");
  const regionId = session.regionId;
  if (!regionId) throw notFound("统筹区");
  const prisma = await db();
  const period = addMonths(currentPeriod(now), -1);
  const [sheet, waiting, drafts, embargoes] = await Promise.all([
    prisma.sheet.findUnique({
      where: { regionId_period: { regionId, period } },
      select: { versions: { orderBy: { version: "desc" }, select: { status: true } } },
    }),
    prisma.sheetVersion.findMany({
      where: { status: "VALIDATED", sheet: { regionId } },
      orderBy: { uploadedAt: "asc" },
      select: { id: true, version: true, uploadedAt: true, sheet: { select: { period: true } } },
    }),
    prisma.publicationVersion.findMany({
      where: { status: { in: ["DRAFT", "IN_REVIEW", "APPROVED"] }, publication: { regionId } },
      orderBy: { updatedAt: "desc" },
      select: { id: true, publicationId: true, title: true, status: true, updatedAt: true },
    }),
    prisma.publicationVersion.findMany({
      where: { status: "PUBLISHED", publication: { regionId }, embargoUntil: { gt: now, lte: new Date(now.getTime() + 7 * 86_400_000) } },
      orderBy: { embargoUntil: "asc" },
      select: { id: true, publicationId: true, title: true, embargoUntil: true },
    }),
  ]);
  const statuses = sheet?.versions.map((v) => v.status) ?? [];
  const status = statuses.includes("ACCEPTED")
    ? "ACCEPTED"
    : statuses.includes("VALIDATED")
      ? "VALIDATED"
      : statuses.length
        ? "REJECTED"
        : "MISSING";
  return {
    sheet: { period, label: monthLabel(period), status },
    sheetsAwaitingReview: waiting.map((w) => ({
      versionId: w.id,
      period: w.sheet.period,
      version: w.version,
      uploadedAt: w.uploadedAt.toISOString(),
    })),
    drafts: drafts.map((d) => ({
      id: d.publicationId,
      versionId: d.id,
      title: d.title,
      status: d.status as "DRAFT" | "IN_REVIEW" | "APPROVED",
      updatedAt: d.updatedAt.toISOString(),
    })),
    embargoes: embargoes.map((e) => ({
      id: e.publicationId,
      versionId: e.id,
      title: e.title,
      embargoUntil: e.embargoUntil!.toISOString(),
    })),
  };
}
