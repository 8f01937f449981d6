import "server-only";
import { KIND_LABELS, type PublicationKind, type PublicationStatus } from "@/app/_domain/publications/types";
import { publicationPeriod } from "@/app/_domain/publications/layouts";
import type { Session } from "../auth/session";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { requireReader, visibleVersionsSql } from "./publication-access";
import type { PublicationListItem } from "./dto";

/**
 * What the caller may see, one line per publication (publication-access.ts): hospital users the newest version
 * addressed to their institution, unread first; staff the newest version of each of their region's
 * publications with receipt counts; supervisors the newest published versions of their province. Newest period
 * first; of two ending in the same month, the longer first (the quarter before its last month).
 */
export async function listPublications(session: Session, filter: { kind?: string; status?: string } = {}): Promise<PublicationListItem[]> {
  const reader = await requireReader(session);
  const prisma = await db();
  const kind = ["MONTHLY_PUSH", "QUARTERLY_RELEASE", "TOPICAL"].includes(filter.kind ?? "") ? (filter.kind as PublicationKind) : undefined;
  const status =
    reader.kind === "STAFF" && ["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED", "CORRECTED", "WITHDRAWN"].includes(filter.status ?? "")
      ? (filter.status as PublicationStatus)
      : undefined;
  // One query: the versions with their publication, region and the caller's own receipt.
  const versions = await prisma.$queryRaw<ListRow[]>`
    SELECT v.id, v.version, v.status::text AS status, v.title, v."publishedAt", v."embargoUntil", v."correctionReason",
           v."publicationId", p.kind::text AS kind, p."periodStart", p."periodEnd", r.code AS "regionCode",
           r.name AS "regionName", rc."openedAt", rc."acknowledgedAt"
      FROM "PublicationVersion" v
      JOIN "Publication" p ON p.id = v."publicationId"
      JOIN "Region" r ON r.id = p."regionId"
      LEFT JOIN "PublicationReceipt" rc ON rc."versionId" = v.id AND rc."userId" = ${session.userId}
     WHERE ${visibleVersionsSql(reader, new Date())} ${kind ? Prisma.sql`AND p.kind::text = ${kind}` : Prisma.empty}
     ORDER BY p."periodEnd" DESC, p."periodStart", p."createdAt" DESC, v.version DESC`;
  // The newest visible version of each publication.
  const newest = new Map<string, ListRow>();
  for (const v of versions) if (!newest.has(v.publicationId)) newest.set(v.publicationId, v);
  const lines = [...newest.values()].filter((v) => !status || v.status === status);

  const counts = reader.kind === "STAFF" ? await receiptCounts(lines.filter((v) => v.publishedAt).map((v) => v.id)) : new Map();
  const items = lines.map<PublicationListItem>((v) => ({
    id: v.publicationId,
    versionId: v.id,
    version: v.version,
    kind: v.kind,
    kindLabel: KIND_LABELS[v.kind],
    title: v.title,
    period: publicationPeriod(v.kind, v.periodEnd, v.periodStart),
    region: { code: v.regionCode, name: v.regionName },
    status: v.status,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    embargoUntil: reader.kind === "STAFF" ? (v.embargoUntil?.toISOString() ?? null) : null,
    correctionReason: v.correctionReason,
    receipt:
      reader.kind === "HOSPITAL"
        ? { openedAt: v.openedAt?.toISOString() ?? null, acknowledgedAt: v.acknowledgedAt?.toISOString() ?? null }
        : null,
    receipts: reader.kind === "STAFF" ? (counts.get(v.id) ?? null) : null,
  }));
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

interface ListRow {
  id: string;
  version: number;
  status: PublicationStatus;
  title: string;
  publishedAt: Date | null;
  embargoUntil: Date | null;
  correctionReason: string | null;
  publicationId: string;
  kind: PublicationKind;
  periodStart: string;
  periodEnd: string;
  regionCode: string;
  regionName: string;
  /** The caller's own receipt (hospital users). */
  openedAt: Date | null;
  acknowledgedAt: Date | null;
}
