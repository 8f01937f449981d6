import "server-only";
import { can } from "@/app/_domain/permissions";
import { publicationPeriod } from "@/app/_domain/publications/layouts";
import type { Layout } from "@/app/_domain/publications/types";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import { db } from "../db";
import { notFound } from "../errors";
import type { PublicationEditorDto } from "./dto";
import { audienceOf } from "./publication-content";

const person = (u: { id: string; displayName: string } | null) => (u ? { id: u.id, name: u.displayName } : null);

/** The editor / review page of one version, for the staff of its region, with what the caller may do now. */
export async function getPublicationEditor(session: Session, input: { versionId: string }): Promise<PublicationEditorDto> {
  await requirePermission(session, "region.read");
  const prisma = await db();
  const v = await prisma.publicationVersion.findFirst({
    where: { id: String(input.versionId).slice(0, 64), publication: { regionId: session.regionId ?? "" } },
    include: {
      publication: {
        include: { versions: { orderBy: { version: "desc" }, select: { id: true, version: true, status: true, publishedAt: true } } },
      },
      author: { select: { id: true, displayName: true } },
      reviewer: { select: { id: true, displayName: true } },
      publisher: { select: { id: true, displayName: true } },
    },
  });
  if (!v) throw notFound("发布");
  const [submitter, institutions, catalogue] = await Promise.all([
    v.submittedById ? prisma.user.findUnique({ where: { id: v.submittedById }, select: { id: true, displayName: true } }) : null,
    prisma.institution.findMany({
      where: { regionId: v.publication.regionId, active: true },
      orderBy: { code: "asc" },
      select: { code: true, name: true, level: true },
    }),
    loadRegionCatalogue(prisma, v.publication.regionId),
  ]);
  const roles = session.roles;
  const newest = v.publication.versions[0]!.id === v.id;
  const mine = v.authorId === session.userId || v.submittedById === session.userId;
  return {
    id: v.publicationId,
    versionId: v.id,
    version: v.version,
    kind: v.publication.kind,
    title: v.title,
    period: publicationPeriod(v.publication.kind, v.publication.periodEnd, v.publication.periodStart),
    status: v.status,
    layout: v.layout as unknown as Layout,
    audience: audienceOf(v),
    peerMode: v.peerMode,
    embargoUntil: v.embargoUntil?.toISOString() ?? null,
    narrative: v.narrative,
    explanations: (v.explanations ?? {}) as Record<string, string>,
    author: person(v.author),
    submittedBy: person(submitter),
    reviewer: v.reviewer && v.reviewedAt ? { ...person(v.reviewer)!, comment: v.reviewComment, at: v.reviewedAt.toISOString() } : null,
    publisher: v.publisher && v.publishedAt ? { ...person(v.publisher)!, at: v.publishedAt.toISOString() } : null,
    correctionReason: v.correctionReason,
    withdrawalReason: v.withdrawalReason,
    versions: v.publication.versions.map((x) => ({
      versionId: x.id,
      version: x.version,
      status: x.status,
      publishedAt: x.publishedAt?.toISOString() ?? null,
    })),
    can: {
      edit: v.status === "DRAFT" && can(roles, "publication.draft"),
      submit: v.status === "DRAFT" && can(roles, "publication.draft"),
      review: v.status === "IN_REVIEW" && can(roles, "publication.review") && !mine,
      publish: v.status === "APPROVED" && can(roles, "publication.publish"),
      correct: v.status === "PUBLISHED" && newest && can(roles, "publication.draft"),
      withdraw: v.status === "PUBLISHED" && can(roles, "publication.publish"),
      remind: v.status === "PUBLISHED" && (can(roles, "publication.publish") || can(roles, "publication.draft")),
    },
    institutions,
    indicators: catalogue.indicators.map((d) => ({ code: d.code, nameZh: d.nameZh, unit: d.unit, scope: d.scope, schemes: d.schemes })),
  };
}
