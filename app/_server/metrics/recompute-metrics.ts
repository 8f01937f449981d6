import type { IndicatorDef } from "@/app/_domain/catalogue";
import { computeRegionSets, monthsRead, type AcceptedSheet, type RegionMetricTexts } from "@/app/_domain/metrics/compute-metrics";
import { addMonths, comparePeriods, isQuarterEnd, type Period } from "@/app/_domain/periods";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import { readSheetColumns, SplitColumns } from "../sheets/sheet-values-store";
import { deleteMetricValues, insertMetricValues } from "./metric-store";

type Db = PrismaClient | Prisma.TransactionClient;

/** The accepted sheets a computation of some months reads, and the region's first accepted month. */
export interface AcceptedWindow {
  accepted: Map<Period, AcceptedSheet>;
  /** The engine computes nothing before it (see RegionMetricsInput.since); undefined when nothing is accepted. */
  since: Period | undefined;
}

async function acceptedVersions(db: Db, regionId: string): Promise<Map<Period, string>> {
  const versions = await db.$queryRawUnsafe<{ period: string; id: string }[]>(
    `SELECT s."period", v."id" FROM "SheetVersion" v JOIN "Sheet" s ON s."id" = v."sheetId" WHERE s."regionId" = $1 AND v."status" = 'ACCEPTED'`,
    regionId,
  );
  return new Map(versions.map((v) => [v.period, v.id]));
}

/** The accepted sheets of some months; of the months in `regionOnly`, the region's values alone. */
async function loadSheets(
  db: Db,
  versions: Map<Period, string>,
  periods: Iterable<Period>,
  codeOf: Map<string, string>,
  regionOnly = new Set<Period>(),
): Promise<Map<Period, AcceptedSheet>> {
  const read = new Map<Period, AcceptedSheet>();
  const split = new SplitColumns(); // months listing the same cells share their key columns
  const sorted = [...new Set(periods)].sort(comparePeriods);
  // Whole months first: a month read for the region's values alone then finds its key columns read already.
  for (const period of [...sorted.filter((p) => !regionOnly.has(p)), ...sorted.filter((p) => regionOnly.has(p))]) {
    const versionId = versions.get(period);
    if (!versionId) continue;
    read.set(period, { versionId, columns: await readSheetColumns(db, versionId, codeOf, { regionOnly: regionOnly.has(period), split }) });
  }
  return new Map(sorted.filter((p) => read.has(p)).map((p) => [p, read.get(p)!]));
}

/**
 * The accepted sheets that computing `targets` reads under `catalogue`: for each target the months monthsRead
 * names (every month, when a formula reads its own past) — whole, or the region's values alone where no
 * institution value is read. Computing from this window gives exactly the rows a computation over the whole
 * history gives (test/unit/metrics-window.test.ts).
 */
export async function loadAcceptedWindow(
  db: Db,
  regionId: string,
  targets: readonly Period[],
  codeOf: Map<string, string>,
  catalogue: readonly IndicatorDef[],
  versions?: Map<Period, string>,
): Promise<AcceptedWindow> {
  versions ??= await acceptedVersions(db, regionId);
  const since = firstOf(versions);
  if (monthsRead(catalogue) === null) return { accepted: await loadSheets(db, versions, versions.keys(), codeOf), since };
  // A month that ends a quarter also reads what its quarter fields need.
  const offsets = (scope: "ALL" | "INSTITUTION", t: Period) => monthsRead(catalogue, scope, isQuarterEnd(t))!.map((o) => addMonths(t, o));
  const wanted = new Set(targets.flatMap((t) => offsets("ALL", t)));
  const institutionMonths = new Set(targets.flatMap((t) => offsets("INSTITUTION", t)));
  const regionOnly = new Set([...wanted].filter((p) => !institutionMonths.has(p)));
  return { accepted: await loadSheets(db, versions, wanted, codeOf, regionOnly), since };
}

const firstOf = (versions: Map<Period, string>): Period | undefined => [...versions.keys()].sort(comparePeriods)[0];

/**
 * Computes and stores the metrics of a region for the given months from its accepted sheets, replacing what
 * was stored for those months (months without an accepted sheet are cleared). Not a use case: callers
 * authorise (accepting a sheet, the recompute command).
 */
export async function recomputeMetrics(db: Db, regionId: string, periods: readonly Period[]): Promise<{ periods: Period[]; rows: number }> {
  return recomputeWith(db, regionId, await regionInputs(db, regionId), periods);
}

/**
 * Metrics just computed and stored, with what they were computed with: the accept's drafts flag them without
 * reading them back.
 */
export interface ComputedMetrics {
  catalogue: readonly IndicatorDef[];
  /** Every institution of the region, by code. */
  institutions: readonly { code: string; level: string }[];
  values: RegionMetricTexts;
}

async function recomputeWith(
  db: Db,
  regionId: string,
  inputs: RegionInputs,
  periods: readonly Period[],
): Promise<{ periods: Period[]; rows: number; computed?: ComputedMetrics }> {
  const targets = [...new Set(periods)].sort(comparePeriods);
  if (!targets.length) return { periods: [], rows: 0 };
  const { catalogue, institutions, codeOf, idOf, versions } = inputs;
  const window = await loadAcceptedWindow(db, regionId, targets, codeOf, catalogue, versions);
  const computed = targets.filter((p) => window.accepted.has(p));
  const sets = computeRegionSets({ catalogue, institutions, ...window, periods: computed });
  await deleteMetricValues(db, regionId, targets);
  await insertMetricValues(db, regionId, sets, idOf);
  return { periods: computed, rows: valueCount(sets), computed: { catalogue, institutions, values: sets } };
}

/** The months whose metrics read month P's accepted values (monthsRead, turned forward). */
function monthsDependingOn(p: Period, catalogue: readonly IndicatorDef[]): Period[] | "all" {
  const offsets = monthsRead(catalogue);
  return offsets === null ? "all" : offsets.map((o) => addMonths(p, -o));
}

/**
 * After month P's accepted version changed: recompute the months that read it and have an accepted sheet
 * (usually P alone, when P is the latest month). Everything when a formula reads its own past. `computed`: the
 * values computed (not after recomputing everything).
 */
export async function recomputeAfterAccept(
  db: Db,
  regionId: string,
  p: Period,
): Promise<{ periods: Period[]; rows: number; computed?: ComputedMetrics }> {
  const inputs = await regionInputs(db, regionId);
  const dependents = monthsDependingOn(p, inputs.catalogue);
  if (dependents === "all") {
    const r = await recomputeRegion(db, regionId, inputs);
    return { periods: r.computed, rows: r.rows };
  }
  return recomputeWith(
    db,
    regionId,
    inputs,
    dependents.filter((m) => inputs.versions.has(m) || m === p),
  );
}

/**
 * Every month of the region with an accepted sheet, recomputed from scratch: the accepted sheets are read once,
 * then computed and stored a year at a time (the rows of 36 months of a large region would not fit in memory
 * at once).
 */
export async function recomputeRegion(
  db: Db,
  regionId: string,
  inputs?: RegionInputs,
): Promise<{ periods: number; rows: number; computed: Period[] }> {
  const { catalogue, institutions, codeOf, idOf, versions } = inputs ?? (await regionInputs(db, regionId));
  const periods = [...versions.keys()].sort(comparePeriods);
  const accepted = await loadSheets(db, versions, periods, codeOf);
  await deleteMetricValues(db, regionId, "all");
  let rows = 0;
  for (let i = 0; i < periods.length; i += 12) {
    const batch = computeRegionSets({ catalogue, institutions, accepted, periods: periods.slice(i, i + 12), since: periods[0] });
    await insertMetricValues(db, regionId, batch, idOf);
    rows += valueCount(batch);
  }
  return { periods: periods.length, rows, computed: periods };
}

const valueCount = (computed: RegionMetricTexts) => computed.sets.reduce((n, set) => n + set.size, 0);

/** What computing a region's metrics needs besides its sheets. */
interface RegionInputs {
  catalogue: readonly IndicatorDef[];
  institutions: { code: string; level: string }[];
  codeOf: Map<string, string>;
  idOf: Map<string, string>;
  /** The accepted version of each month that has one. */
  versions: Map<Period, string>;
}

async function regionInputs(db: Db, regionId: string): Promise<RegionInputs> {
  const catalogue = (await loadRegionCatalogue(db, regionId)).indicators;
  // One text instead of 5,000 rows through the client: a tenth of the time for a large region.
  const [list] = await db.$queryRawUnsafe<{ t: string | null }[]>(
    `SELECT string_agg(concat_ws(E'\\t', "id", "code", "level"), E'\\n' ORDER BY "code") AS t FROM "Institution" WHERE "regionId" = $1`,
    regionId,
  );
  const institutions: { id: string; code: string; level: string }[] = (list?.t ? list.t.split("\n") : []).map((line) => {
    const [id, code, level] = line.split("\t");
    return { id: id!, code: code!, level: level! };
  });
  return {
    catalogue,
    institutions: institutions.map((i) => ({ code: i.code, level: i.level })),
    codeOf: new Map(institutions.map((i) => [i.id, i.code])),
    idOf: new Map(institutions.map((i) => [i.code, i.id])),
    versions: await acceptedVersions(db, regionId),
  };
}
