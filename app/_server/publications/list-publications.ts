import "server-only";
import { KIND_LABELS, type PublicationKind, type PublicationStatus } from "@/app/_domain/publications/types";
import { publicationPeriod } from "@/app/_domain/publications/layouts";
import type { Session } from "../auth/session";
import { db } from "../db";
import { requireReader, visibleVersions } from "./publication-access";
import type { PublicationListItem } from "./dto";

/**
 * What the caller may see, one line per publication (publication-access.ts): hospital users the newest version
 * addressed to their institution, unread first; staff the newest version of each of their region's
 * publications with receipt counts; supervisors the newest published versions of their province. Newest period first.
 */
export async function listPublications(session: Session, filter: { kind?: string; status?: string } = {}): Promise<PublicationListItem[]> {
  const reader = await requireReader(session);
  const prisma = await db();
  const kind = ["MONTHLY_PUSH", "QUARTERLY_RELEASE", "TOPICAL"].includes(filter.kind ?? "") ? (filter.kind as PublicationKind) : undefined;
  const status =
    reader.kind === "STAFF" && ["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED", "CORRECTED", "WITHDRAWN"].includes(filter.status ?? "")
      ? (filter.status as PublicationStatus)
      : undefined;
  const versions = await prisma.publicationVersion.findMany({
    where: { AND: [visibleVersions(reader, new Date()), kind ? { publication: { kind } } : {}] },
    orderBy: [{ publication: { periodEnd: "desc" } }, { version: "desc" }],
    select: {
      id: true,
      version: true,
      status: true,
      title: true,
      publishedAt: true,
      embargoUntil: true,
      correctionReason: true,
      publicationId: true,
      publication: { select: { kind: true, periodStart: true, periodEnd: true, region: { select: { code: true, name: true } } } },
      receipts: { where: { userId: session.userId }, select: { openedAt: true, acknowledgedAt: true } },
    },
  });
  // The newest visible version of each publication.
  const newest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) if (!newest.has(v.publicationId)) newest.set(v.publicationId, v);
  const lines = [...newest.values()].filter((v) => !status || v.status === status);

  const counts = reader.kind === "STAFF" ? await receiptCounts(lines.filter((v) => v.publishedAt).map((v) => v.id)) : new Map();
  const items = lines.map<PublicationListItem>((v) => {
    const own = reader.kind === "HOSPITAL" ? (v.receipts?.[0] ?? null) : null;
    return {
      id: v.publicationId,
      versionId: v.id,
      version: v.version,
      kind: v.publication.kind,
      kindLabel: KIND_LABELS[v.publication.kind],
      title: v.title,
      period: publicationPeriod(v.publication.kind, v.publication.periodEnd, v.publication.periodStart),
      region: v.publication.region,
      status: v.status,
      publishedAt: v.publishedAt?.toISOString() ?? null,
      embargoUntil: reader.kind === "STAFF" ? (v.embargoUntil?.toISOString() ?? null) : null,
      correctionReason: v.correctionReason,
      receipt:
        reader.kind === "HOSPITAL"
          ? { openedAt: own?.openedAt.toISOString() ?? null, acknowledgedAt: own?.acknowledgedAt?.toISOString() ?? null }
          : null,
      receipts: reader.kind === "STAFF" ? (counts.get(v.id) ?? null) : null,
    };
  });
  if (reader.kind === "HOSPITAL") items.sort((a, b) => Number(a.receipt!.openedAt !== null) - Number(b.receipt!.openedAt !== null));
  return items;
}

/** Per published version: audience institutions, and how many opened / acknowledged (any of their users). */
async function receiptCounts(versionIds: string[]) {
  const out = new Map<string, { opened: number; acknowledged: number; audience: number }>();
  if (!versionIds.length) return out;
  const prisma = await db();
  const rows = await prisma.$queryRawUnsafe<{ v: string; audience: number; opened: number; acknowledged: number }[]>(
    `SELECT p."versionId" AS v, COUNT(*)::int AS audience,
            COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM "PublicationReceipt" r WHERE r."versionId" = p."versionId" AND r."institutionId" = p."institutionId"))::int AS opened,
            COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM "PublicationReceipt" r WHERE r."versionId" = p."versionId" AND r."institutionId" = p."institutionId" AND r."acknowledgedAt" IS NOT NULL))::int AS acknowledged
       FROM "PublicationPart" p WHERE p."versionId" = ANY($1::text[]) GROUP BY p."versionId"`,
    versionIds,
  );
  for (const r of rows) out.set(r.v, { audience: r.audience, opened: r.opened, acknowledged: r.acknowledged });
  return out;
}
