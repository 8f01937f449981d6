import "server-only";
import { flagRowsOf, regionRowsOf } from "@/app/_domain/metrics/compute-metrics";
import { draftNarrative } from "@/app/_domain/metrics/narrative";
import { periodFlags } from "@/app/_domain/metrics/period-flags";
import { isQuarterEnd, type Period } from "@/app/_domain/periods";
import { defaultLayout, defaultTitle, publicationPeriod } from "@/app/_domain/publications/layouts";
import type { Layout, PublicationKind } from "@/app/_domain/publications/types";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import type { Prisma } from "../generated/prisma/client";
import { readMetricValues } from "../metrics/metric-store";
import type { ComputedMetrics } from "../metrics/recompute-metrics";

type Tx = Prisma.TransactionClient;

/** Creates a DRAFT publication (version 1) in the caller's transaction. */
export async function createDraft(
  tx: Tx,
  d: {
    regionId: string;
    kind: PublicationKind;
    start: Period;
    end: Period;
    title: string;
    layout: Layout;
    narrative: string;
    authorId: string | null;
    audience?: { kind: "ALL" | "LEVELS" | "LIST"; levels?: ("LEVEL_3" | "LEVEL_2" | "LEVEL_1" | "UNRATED")[]; codes?: string[] };
    peerMode?: "NAMED" | "ANONYMISED" | "OWN_ONLY";
  },
) {
  return tx.publication.create({
    data: {
      regionId: d.regionId,
      kind: d.kind,
      periodStart: d.start,
      periodEnd: d.end,
      versions: {
        create: {
          version: 1,
          status: "DRAFT",
          title: d.title,
          layout: d.layout as unknown as Prisma.InputJsonObject,
          narrative: d.narrative,
          explanations: {},
          authorId: d.authorId,
          audienceKind: d.audience?.kind ?? "ALL",
          audienceLevels: d.audience?.levels ?? [],
          audienceCodes: d.audience?.codes ?? [],
          peerMode: d.peerMode ?? "ANONYMISED",
        },
      },
    },
    select: { id: true, versions: { select: { id: true } } },
  });
}

/**
 * Called when a month's sheet is accepted (in the accept transaction, after the recompute): creates that month's
 * 月推送 draft, and for a quarter's last month the 季发布 draft, from the default layouts with 智能解读 prefilled
 * (the quarter's saved narrative, else the machine draft; a monthly push takes its first paragraph). An existing
 * draft is refreshed (its preview always reads the current metrics; the prefilled narrative is renewed while no
 * one has edited it). Nothing happens to a publication already in review, approved or published: a change there
 * is a correction, which the data group starts deliberately.
 */
export async function ensurePublicationDrafts(
  tx: Tx,
  regionId: string,
  period: Period,
  /** The region's metrics as just computed and stored (the accept's recompute), when at hand: not read back. */
  computed?: ComputedMetrics,
): Promise<{ created: string[]; refreshed: string[] }> {
  const kinds: PublicationKind[] = isQuarterEnd(period) ? ["MONTHLY_PUSH", "QUARTERLY_RELEASE"] : ["MONTHLY_PUSH"];
  const region = await tx.region.findUniqueOrThrow({ where: { id: regionId }, select: { name: true } });
  const created: string[] = [];
  const refreshed: string[] = [];
  const storedValues = async () => {
    const [catalogue, institutions] = await Promise.all([
      loadRegionCatalogue(tx, regionId),
      tx.institution.findMany({ where: { regionId }, select: { id: true, code: true, level: true } }),
    ]);
    // No lineage: flags and narrative read numbers only.
    const rows = await readMetricValues(tx, regionId, [period], new Map(institutions.map((i) => [i.id, i.code])));
    return { catalogue: catalogue.indicators, institutions, rows, flagRows: rows };
  };
  let paragraphs: string[] | null = null;
  const narrative = async () => {
    if (paragraphs) return paragraphs;
    const saved = isQuarterEnd(period)
      ? await tx.narrativeDraft.findUnique({ where: { regionId_period: { regionId, period } }, select: { text: true } })
      : null;
    if (saved) return (paragraphs = saved.text.split(/\n{2,}/));
    // Flags and narrative read numbers only: the values just stored (as they would be read back), else the stored ones.
    const { catalogue, institutions, rows, flagRows } = computed?.values.sets.some((set) => set.period === period)
      ? {
          ...computed,
          rows: regionRowsOf(computed.values, period),
          flagRows: flagRowsOf(computed.values, period),
        }
      : await storedValues();
    // (The narrative counts the flags: their texts are not written.)
    const flags = periodFlags({ catalogue, institutions, rows: flagRows, texts: false });
    return (paragraphs = draftNarrative({ regionName: region.name, quarterEnd: period, rows, catalogue, flags }));
  };
  // The drafted narrative (the month's anomaly flags over every institution) only where a draft takes it.
  const textOf = async (kind: PublicationKind) =>
    kind === "MONTHLY_PUSH" ? ((await narrative())[0] ?? "") : (await narrative()).join("\n\n");
  for (const kind of kinds) {
    const p = publicationPeriod(kind, period);
    const existing = await tx.publication.findFirst({
      where: { regionId, kind, periodEnd: period },
      select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, status: true, authorId: true } } },
    });
    if (!existing) {
      const d = await createDraft(tx, {
        regionId,
        kind,
        start: p.start,
        end: p.end,
        title: defaultTitle(kind, region.name, p),
        layout: defaultLayout(kind),
        narrative: await textOf(kind),
        authorId: null,
      });
      created.push(d.id);
    } else if (existing.versions[0]?.status === "DRAFT") {
      const latest = existing.versions[0];
      await tx.publicationVersion.update({
        where: { id: latest.id },
        data: latest.authorId ? { updatedAt: new Date() } : { narrative: await textOf(kind) },
        select: { id: true },
      });
      refreshed.push(existing.id);
    }
  }
  return { created, refreshed };
}
