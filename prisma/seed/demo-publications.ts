import { addMonths, isQuarterEnd, quarterMonths, type Period } from "@/app/_domain/periods";
import { LEVEL_3_SPECIAL_LAYOUT, publicationPeriod } from "@/app/_domain/publications/layouts";
import type { Prisma } from "@/app/_server/generated/prisma/client";
import { metricPeriods } from "@/app/_server/metrics/metric-region";
import { createDraft, ensurePublicationDrafts } from "@/app/_server/publications/ensure-publication-drafts";
import { freezeVersion } from "@/app/_server/publications/freeze-version";

/**
 * The demo's publications, so every role finds a lived-in portal: per region, the monthly pushes of the last six
 * accepted months (the newest left as a draft for the data group) and the quarterly releases of the last four
 * complete quarters, published through the same freezing code as the publish use case, at the dates a data
 * group would have published them; 合肥市's latest release corrected once and its 三级医疗机构专场 (named peers,
 * audience 三级); the older ones read and acknowledged by the demo hospitals, the newest left unread. Runs in
 * the demo seed's transaction (seedDemoIfEmpty).
 */
const MONTHS = 6;
const QUARTERS = 4;

/** 10:00 Shanghai on the 15th of the month after `period`, or `now` if that is later than now. */
const publishedAt = (period: Period, now: Date, days = 0) => {
  const next = addMonths(period, 1);
  const t = new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5)) - 1, 15 + days, 2, 0));
  return t > now ? now : t;
};

export async function seedDemoPublications(tx: Prisma.TransactionClient, now: Date): Promise<void> {
  const users = await tx.user.findMany({
    where: { isDemo: true },
    select: { id: true, username: true, roles: true, regionId: true, institutionId: true },
  });
  for (const region of await tx.region.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } })) {
    const periods = (await metricPeriods(tx, region.id)).sort();
    if (!periods.length) continue;
    const staff = (role: string) => users.find((u) => u.regionId === region.id && u.roles.includes(role as never))?.id ?? null;
    const [entry, reviewer, publisher] = [staff("DATA_ENTRY"), staff("DATA_REVIEWER"), staff("PUBLISHER")];
    const months = periods.slice(-MONTHS);
    const quarters = periods.filter((p) => isQuarterEnd(p) && quarterMonths(p).every((m) => periods.includes(m))).slice(-QUARTERS);
    for (const p of [...new Set([...quarters, ...months])].sort()) await ensurePublicationDrafts(tx, region.id, p);
    const newest = months.at(-1)!;
    const toPublish = await tx.publicationVersion.findMany({
      where: { publication: { regionId: region.id }, NOT: { publication: { kind: "MONTHLY_PUSH", periodEnd: newest } } },
      select: { id: true, publication: { select: { periodEnd: true, kind: true } } },
      orderBy: { publication: { periodEnd: "asc" } },
    });
    const publish = async (id: string, at: Date) => {
      await tx.publicationVersion.update({
        where: { id },
        data: {
          status: "APPROVED",
          authorId: entry,
          submittedById: entry,
          submittedAt: new Date(at.getTime() - 2 * 86_400_000),
          reviewerId: reviewer,
          reviewedAt: new Date(at.getTime() - 86_400_000),
        },
      });
      await freezeVersion(tx, id, publisher, at);
    };
    for (const v of toPublish)
      await publish(v.id, publishedAt(v.publication.periodEnd, now, v.publication.kind === "QUARTERLY_RELEASE" ? 5 : 0));
    if (region.code !== "340100" || !quarters.length) continue;

    // 合肥市: the latest quarterly release corrected once, and the 三级医疗机构专场 of that quarter.
    const q = quarters.at(-1)!;
    const release = await tx.publicationVersion.findFirstOrThrow({
      where: { publication: { regionId: region.id, kind: "QUARTERLY_RELEASE", periodEnd: q } },
    });
    const { id: _id, createdAt: _c, updatedAt: _u, publishedAt: _p, snapshot: _s, contentHash: _h, status: _st, ...rest } = release;
    const v2 = await tx.publicationVersion.create({
      data: {
        ...rest,
        version: 2,
        correctionReason: "居民医保基金收入按财政专户到账口径更正后重新发布。",
        layout: rest.layout as object,
        explanations: rest.explanations as object,
        status: "DRAFT",
        publisherId: null,
        catalogueVersionId: null,
        sheetVersionIds: [],
      },
    });
    await publish(v2.id, publishedAt(q, now, 12));
    const p = publicationPeriod("TOPICAL", q, quarterMonths(q)[0]);
    const special = await createDraft(tx, {
      regionId: region.id,
      kind: "TOPICAL",
      start: p.start,
      end: p.end,
      title: `${region.name}三级医疗机构专场（${publicationPeriod("QUARTERLY_RELEASE", q).label}）`,
      layout: structuredClone(LEVEL_3_SPECIAL_LAYOUT),
      narrative: "本期专场聚焦三级医疗机构的DRG付费运行质效：费用消耗指数、时间消耗指数与CMI，按机构实名排名，供各院对标改进。",
      authorId: entry,
      audience: { kind: "LEVELS", levels: ["LEVEL_3"] },
      peerMode: "NAMED",
    });
    await publish(special.versions[0]!.id, publishedAt(q, now, 20));
  }
  await seedReceipts(tx, users, now);
}

/** Demo hospital users opened and acknowledged all but their two newest publications (those show 「新」). */
async function seedReceipts(
  tx: Prisma.TransactionClient,
  users: { id: string; roles: string[]; institutionId: string | null }[],
  now: Date,
) {
  for (const [i, u] of users.filter((x) => x.roles.includes("HOSPITAL_VIEWER") && x.institutionId).entries()) {
    const parts = await tx.publicationPart.findMany({
      where: { institutionId: u.institutionId!, version: { status: "PUBLISHED" } },
      select: { versionId: true, version: { select: { publishedAt: true } } },
      orderBy: { version: { publishedAt: "desc" } },
    });
    // The second contact of an institution read fewer of them; the institution's receipt counts either.
    const read = parts.slice(2).filter((_, k) => i === 0 || k % 2 === 0);
    await tx.publicationReceipt.createMany({
      data: read.map((p, k) => {
        const opened = new Date(Math.min(now.getTime(), p.version.publishedAt!.getTime() + ((k % 3) + 1) * 3_600_000));
        return {
          versionId: p.versionId,
          userId: u.id,
          institutionId: u.institutionId!,
          openedAt: opened,
          acknowledgedAt: k % 4 === 3 ? null : new Date(opened.getTime() + 600_000),
        };
      }),
    });
    await tx.notification.updateMany({
      where: { userId: u.id, createdAt: { lt: parts[1]?.version.publishedAt ?? now } },
      data: { readAt: now },
    });
  }
}
