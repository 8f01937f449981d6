import "server-only";
import { createHash } from "node:crypto";
import { canonicalJson } from "@/app/_domain/canonical-json";
import type { InstitutionLevel } from "@/app/_domain/institutions";
import { buildSnapshot, type BuiltSnapshot, type SnapshotInput } from "@/app/_domain/publications/build-snapshot";
import { publicationPeriod, trendMonths } from "@/app/_domain/publications/layouts";
import type { Audience, CompactPart, Layout, PeerMode, PublicationKind, SheetVersionRef } from "@/app/_domain/publications/types";
import { addMonths, type Period } from "@/app/_domain/periods";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import { readEnv } from "../env";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { readMetricValues } from "../metrics/metric-store";

/** Reading what a publication shows from the database, building it (domain) and hashing it. Not a use case. */
type Db = PrismaClient | Prisma.TransactionClient;

export interface VersionRow {
  id: string;
  title: string;
  layout: unknown;
  audienceKind: "ALL" | "LEVELS" | "LIST";
  audienceLevels: InstitutionLevel[];
  audienceCodes: string[];
  peerMode: PeerMode;
  narrative: string;
  explanations: unknown;
  publication: { kind: PublicationKind; periodStart: string; periodEnd: string; region: { id: string; code: string; name: string } };
}

export const VERSION_CONTENT_SELECT = {
  id: true,
  title: true,
  layout: true,
  audienceKind: true,
  audienceLevels: true,
  audienceCodes: true,
  peerMode: true,
  narrative: true,
  explanations: true,
  publication: { select: { kind: true, periodStart: true, periodEnd: true, region: { select: { id: true, code: true, name: true } } } },
} as const;

export function audienceOf(v: Pick<VersionRow, "audienceKind" | "audienceLevels" | "audienceCodes">): Audience {
  if (v.audienceKind === "LEVELS") return { kind: "LEVELS", levels: v.audienceLevels };
  if (v.audienceKind === "LIST") return { kind: "LIST", institutionCodes: v.audienceCodes };
  return { kind: "ALL" };
}

export const inAudience = (audience: Audience, inst: { code: string; level: InstitutionLevel }) =>
  audience.kind === "ALL" ||
  (audience.kind === "LEVELS" ? audience.levels.includes(inst.level) : audience.institutionCodes.includes(inst.code));

export interface LoadedContent<Part = CompactPart> {
  built: BuiltSnapshot<Part>;
  institutions: { id: string; code: string; name: string; level: InstitutionLevel }[];
  /** Audience institutions (active, in the audience). */
  audience: { id: string; code: string }[];
  catalogueVersionId: string;
  sheetVersionIds: string[];
}

interface ContentOptions {
  only?: string[];
  frozenAt?: Date;
}

/**
 * Builds the content of a version from the current metrics; `only` limits the parts to some codes (previews);
 * `partOf` turns each part into what the caller keeps as it is built (buildSnapshot).
 */
export async function buildContent(client: Db, v: VersionRow, options?: ContentOptions): Promise<LoadedContent>;
export async function buildContent<Part>(
  client: Db,
  v: VersionRow,
  options: ContentOptions,
  partOf: (part: CompactPart) => Part,
): Promise<LoadedContent<Part>>;
export async function buildContent(
  client: Db,
  v: VersionRow,
  options: ContentOptions = {},
  partOf = (part: CompactPart): unknown => part,
): Promise<LoadedContent<unknown>> {
  const region = v.publication.region;
  const end = v.publication.periodEnd;
  const [catalogue, institutions, sheets] = await Promise.all([
    loadRegionCatalogue(client, region.id),
    client.institution.findMany({
      where: { regionId: region.id, active: true },
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, level: true },
    }),
    client.sheetVersion.findMany({
      where: { status: "ACCEPTED", sheet: { regionId: region.id, period: { gte: addMonths(end, -35), lte: end } } },
      select: { id: true, version: true, reviewedAt: true, sheet: { select: { period: true } } },
      orderBy: { sheet: { period: "asc" } },
    }),
  ]);
  const codeOf = new Map(institutions.map((i) => [i.id, i.code]));
  const instCodes = catalogue.indicators.filter((d) => d.scope === "INSTITUTION").map((d) => d.code);
  const [regionRows, instRows] = await Promise.all([
    readMetricValues(client, region.id, trendMonths(end, 36), codeOf, { scope: "REGION" }),
    readMetricValues(client, region.id, [end], codeOf, { scope: "INSTITUTION", indicators: instCodes, lazy: true }),
  ]);
  const audience = audienceOf(v);
  const members = institutions.filter((i) => inAudience(audience, i) && (!options.only || options.only.includes(i.code)));
  const sheetVersions: SheetVersionRef[] = sheets.map((s) => ({
    period: s.sheet.period,
    version: s.version,
    acceptedAt: s.reviewedAt?.toISOString() ?? null,
  }));
  const input: SnapshotInput = {
    kind: v.publication.kind,
    title: v.title,
    period: { start: v.publication.periodStart, end, label: periodLabel(v) },
    region: { code: region.code, name: region.name },
    catalogue: { code: catalogue.version.code, name: catalogue.version.name, indicators: catalogue.indicators },
    sheetVersions,
    peerMode: v.peerMode,
    layout: v.layout as Layout,
    narrative: v.narrative,
    explanations: (v.explanations ?? {}) as Record<string, string>,
    rows: [...regionRows, ...instRows],
    institutions,
    audience: members.map((m) => m.code),
    suppression: { threshold: readEnv().smallCellThreshold },
    contact: `${region.name}医保数据工作组`,
    frozenAt: (options.frozenAt ?? new Date()).toISOString(),
  };
  return {
    built: buildSnapshot(input, partOf),
    institutions,
    audience: members.map((m) => ({ id: m.id, code: m.code })),
    catalogueVersionId: catalogue.version.id,
    sheetVersionIds: sheets.map((s) => s.id),
  };
}

const periodLabel = (v: VersionRow) => publicationPeriod(v.publication.kind, v.publication.periodEnd, v.publication.periodStart).label;

/** An institution part as frozen: its institution's code and its canonical JSON. */
export interface PartText {
  code: string;
  text: string;
}

// institutionPart builds each part with its keys in sorted order: JSON.stringify is its canonical JSON, natively.
export const partText = (part: CompactPart): PartText => ({ code: part.institution.code, text: JSON.stringify(part) });

/** The frozen content as canonical JSON texts: the region part, and each institution part with its code, by code. */
export interface FrozenTexts {
  region: string;
  parts: PartText[];
}

/** The frozen texts of content built with `partText`. */
export function frozenTexts(built: BuiltSnapshot<PartText>): FrozenTexts {
  return { region: canonicalJson(built.region), parts: [...built.parts].sort((a, b) => (a.code < b.code ? -1 : 1)) };
}

/**
 * The part texts joined by line breaks, `size` parts a batch (JSON text holds no raw line break): what freezing
 * stores, batch by batch, and hashes, so each part is copied into one long string once.
 */
export function partBatches(texts: FrozenTexts, size: number): { codes: string[]; text: string }[] {
  const out = [];
  for (let i = 0; i < texts.parts.length; i += size) {
    const batch = texts.parts.slice(i, i + size);
    out.push({ codes: batch.map((p) => p.code), text: batch.map((p) => p.text).join("\n") });
  }
  return out;
}

/** SHA-256 of the frozen content: the region part, then each institution part by code, as canonical JSON. */
export function contentHash(region: string, batches: readonly { text: string }[]): string {
  const h = createHash("sha256").update(region);
  // A line break before each part: before each batch, and between the parts of a batch.
  for (const batch of batches) h.update("\n").update(batch.text);
  return h.digest("hex");
}
