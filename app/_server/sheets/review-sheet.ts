import { reviewSheetSchema } from "@/app/_domain/schemas/sheet";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { AppError, fromZod, notFound } from "../errors";
import { recomputeAfterAccept } from "../metrics/recompute-metrics";
import { ensurePublicationDrafts } from "../publications/ensure-publication-drafts";

/**
 * A DATA_REVIEWER of the sheet's region accepts or rejects a validated version uploaded by someone else
 * (maker-checker, 分级审核). Accepting supersedes the previously accepted version of that month in the same
 * transaction, so exactly one version per month feeds the metrics.
 */
export async function reviewSheet(
  session: Session,
  input: unknown,
): Promise<{ status: "ACCEPTED" | "REJECTED"; superseded: number | null }> {
  return auditFailures(session, "sheet.review", async () => {
    await requirePermission(session, "sheet.review");
    const parsed = reviewSheetSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const { versionId, decision, comment } = parsed.data;
    const prisma = await db();
    return prisma.$transaction(
      async (tx) => {
        // (Never the original file: reading megabytes through the adapter would cost seconds.)
        const version = await tx.sheetVersion.findUnique({
          where: { id: versionId },
          select: { sheetId: true, sheet: { select: { regionId: true, period: true } } },
        });
        // Another region's version is "not found": its existence is not revealed.
        if (!version || version.sheet.regionId !== session.regionId) throw notFound("数据版本");
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${version.sheetId}))`;
        const current = await tx.sheetVersion.findUniqueOrThrow({
          where: { id: versionId },
          select: { id: true, sheetId: true, version: true, status: true, uploadedById: true },
        });
        if (current.status !== "VALIDATED")
          throw new AppError(
            "CONFLICT",
            `第 ${current.version} 版已${current.status === "ACCEPTED" ? "通过审核" : current.status === "REJECTED" ? "被退回" : "被替代"}，不能再审核。`,
          );
        if (current.uploadedById === session.userId)
          throw new AppError("INVALID", "不能审核自己上传的数据（分级审核：须由另一位审核员审核）。");
        let superseded: number | null = null;
        if (decision === "ACCEPT") {
          const previous = await tx.sheetVersion.findFirst({
            where: { sheetId: current.sheetId, status: "ACCEPTED" },
            select: { id: true, version: true },
          });
          if (previous) {
            await tx.sheetVersion.update({ where: { id: previous.id }, data: { status: "SUPERSEDED" }, select: { id: true } });
            superseded = previous.version;
          }
        }
        const status = decision === "ACCEPT" ? "ACCEPTED" : "REJECTED";
        await tx.sheetVersion.update({
          where: { id: current.id },
          data: { status, reviewedById: session.userId, reviewedAt: new Date(), reviewComment: comment || null },
          select: { id: true },
        });
        // Only accepted versions feed the metrics: accepting recomputes this month and the months that read it.
        const recomputed = decision === "ACCEPT" ? await recomputeAfterAccept(tx, version.sheet.regionId, version.sheet.period) : null;
        // The month's 月推送 (and at a quarter's end the 季发布) draft appears or is refreshed with the new numbers.
        const drafts =
          decision === "ACCEPT"
            ? await ensurePublicationDrafts(tx, version.sheet.regionId, version.sheet.period, recomputed?.computed)
            : null;
        await recordAudit(tx, actorOf(session), {
          action: decision === "ACCEPT" ? "sheet.accept" : "sheet.reject",
          objectType: "SheetVersion",
          objectId: current.id,
          detail: {
            period: version.sheet.period,
            version: current.version,
            superseded,
            comment: comment || undefined,
            recomputed: recomputed?.periods,
            drafts: drafts ?? undefined,
          },
        });
        return { status, superseded };
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  });
}
