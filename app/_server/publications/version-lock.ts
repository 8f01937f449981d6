import "server-only";
import { STATUS_LABELS, type PublicationStatus } from "@/app/_domain/publications/types";
import type { Session } from "../auth/session";
import { AppError, notFound } from "../errors";
import type { Prisma } from "../generated/prisma/client";

/**
 * A version of the caller's region, locked for a workflow step (SELECT … FOR UPDATE: concurrent steps on one
 * version run one after the other and the later sees the earlier's status). Another region's version is "not
 * found"; a version in another status is a conflict with a plain message.
 */
export async function lockVersion(
  tx: Prisma.TransactionClient,
  session: Session,
  versionId: string,
  expected: readonly PublicationStatus[],
) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT v."id" FROM "PublicationVersion" v JOIN "Publication" p ON p."id" = v."publicationId"
     WHERE v."id" = ${String(versionId).slice(0, 64)} AND p."regionId" = ${session.regionId ?? ""} FOR UPDATE OF v`;
  if (!rows.length) throw notFound("发布");
  const v = await tx.publicationVersion.findUniqueOrThrow({
    where: { id: rows[0]!.id },
    select: {
      id: true,
      version: true,
      status: true,
      title: true,
      authorId: true,
      submittedById: true,
      publicationId: true,
      publication: { select: { kind: true, periodStart: true, periodEnd: true, regionId: true } },
    },
  });
  if (!expected.includes(v.status))
    throw new AppError(
      "CONFLICT",
      `该发布当前为「${STATUS_LABELS[v.status]}」，不能执行此操作（须为「${expected.map((s) => STATUS_LABELS[s]).join("」或「")}」）。`,
    );
  return v;
}
