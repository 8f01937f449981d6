import type { IndicatorDef } from "../catalogue";
import type { MetricValues } from "../metrics/compute-metrics";
import type { AnomalyFlag } from "../metrics/peers";
import { DEFAULT_SMALL_CELL_THRESHOLD, suppressionMarker } from "../suppression";
import { num, resolve, RowIndex, type NumOptions } from "./figures";
import { layoutIndicators } from "./layouts";
import { compare, comparisonStats, flagsOf, institutionPart, valueKey, type Comparison, type Institution } from "./own-panels";
import { regionPanel } from "./region-panels";
import {
  OWN_PANEL_KINDS,
  type FrozenRegionPart,
  type IndicatorInfo,
  type CompactPart,
  type ComparisonStats,
  type Layout,
  type Num,
  type PanelData,
  type PeerMode,
  type PublicationKind,
  type PublicationPeriod,
  type SheetVersionRef,
} from "./types";

/**
 * Builds a publication's content from stored metrics: the region part and one part per audience institution.
 * Publishing freezes exactly this; a draft's preview is built the same way on reading, so the preview is what
 * will be published. Pure: the server reads the rows (see snapshotMonths) and stores the result.
 */
export interface SnapshotInput {
  kind: PublicationKind;
  title: string;
  period: PublicationPeriod;
  region: { code: string; name: string };
  catalogue: { code: string; name: string; indicators: readonly IndicatorDef[] };
  sheetVersions: SheetVersionRef[];
  peerMode: PeerMode;
  layout: Layout;
  narrative: string;
  explanations: Record<string, string>;
  /** Region rows of trendMonths(end, 36); institution rows of the data month. */
  rows: Iterable<MetricValues>;
  /** Every institution of the region (ranks and quartiles cover them all). */
  institutions: readonly Institution[];
  /** Codes of the institutions that get a part (the audience); others are only peers. */
  audience: readonly string[];
  suppression?: Partial<NumOptions>;
  contact: string;
  frozenAt: string;
}

export interface BuiltSnapshot<Part = CompactPart> {
  region: FrozenRegionPart;
  /** In audience order. */
  parts: Part[];
}

/**
 * `partOf`, when given, turns each part into what the caller keeps (freezing: its JSON text) as soon as it is
 * built, so that 5,000 parts' objects never live at once (they die young instead of being traced and promoted).
 */
export function buildSnapshot(input: SnapshotInput): BuiltSnapshot;
export function buildSnapshot<Part>(input: SnapshotInput, partOf: (part: CompactPart) => Part): BuiltSnapshot<Part>;
export function buildSnapshot(input: SnapshotInput, partOf = (part: CompactPart): unknown => part): BuiltSnapshot<unknown> {
  const o: NumOptions = { ...input.suppression, threshold: input.suppression?.threshold ?? DEFAULT_SMALL_CELL_THRESHOLD };
  const defs = new Map(input.catalogue.indicators.map((d) => [d.code, d]));
  const rows = new RowIndex(input.rows);
  const end = input.period.end;
  const shown = uniqueInfos(
    layoutIndicators(input.layout)
      .map((r) => resolve(defs, r)?.info)
      .filter((i) => i !== undefined),
  );

  const regionPanels: Record<string, PanelData> = {};
  const ownPanels = input.layout.sections.flatMap((s) => s.panels.filter((p) => OWN_PANEL_KINDS.includes(p.kind)));
  const context = {
    kind: input.kind,
    end,
    defs,
    rows,
    narrative: input.narrative,
    sheetVersions: input.sheetVersions,
    catalogueName: input.catalogue.name,
    contact: input.contact,
    suppression: o,
    shown,
  };
  for (const section of input.layout.sections)
    for (const panel of section.panels) {
      if (OWN_PANEL_KINDS.includes(panel.kind)) continue;
      const data = regionPanel(panel, context);
      if (data) regionPanels[panel.id] = data;
    }

  // Comparisons of every institution indicator an OWN panel shows, over all the region's institutions.
  const comparisons = new Map<string, Comparison>();
  for (const panel of ownPanels)
    for (const ref of [...(panel.indicators ?? []), ...[panel.x, panel.y, panel.size].filter((r) => r !== undefined)]) {
      const r = resolve(defs, ref);
      if (!r || r.def.scope !== "INSTITUTION" || comparisons.has(valueKey(r.info))) continue;
      comparisons.set(valueKey(r.info), compare(r.def, r.info, rows, end, input.kind, input.institutions));
    }

  const endRows = [...input.rows].filter((row) => row.period === end && row.institutionCode !== null);
  const flags = new Map<string, AnomalyFlag[]>();
  if (ownPanels.some((p) => p.kind === "ALERTS"))
    for (const f of flagsOf(input.catalogue.indicators, input.institutions, endRows, input.kind, o)) {
      const list = flags.get(f.institutionCode!);
      if (list) list.push(f);
      else flags.set(f.institutionCode!, [f]);
    }

  const byCode = new Map(input.institutions.map((i) => [i.code, i]));
  const ownContext = {
    kind: input.kind,
    end,
    defs,
    rows,
    comparisons,
    resolved: new Map(),
    flags,
    explanations: input.explanations,
    suppression: o,
  };
  const parts = input.audience.flatMap((code) => {
    const inst = byCode.get(code);
    return inst ? [partOf(institutionPart(inst, ownPanels, ownContext))] : [];
  });

  // Peer values by level (after suppression), kept only when a mode shows peers.
  const peers: FrozenRegionPart["peers"] = {};
  if (input.peerMode !== "OWN_ONLY" && comparisons.size > 0)
    for (const inst of input.institutions) {
      const values: Record<string, Num> = {};
      for (const [key, k] of comparisons) values[key] = peerValue(k, inst.code, o);
      (peers[inst.level] ??= []).push({ code: inst.code, name: inst.name, values });
    }

  // What the parts refer to by key: the compared indicators' facts and group statistics, and the alerts' indicators.
  const indicators: Record<string, IndicatorInfo> = {};
  const stats: Record<string, ComparisonStats> = {};
  for (const [key, k] of comparisons) {
    indicators[key] = k.info;
    stats[key] = comparisonStats(k, o);
  }
  // The alerts are the flags of the parts' institutions (institutionPart): flags are only made with an ALERTS panel.
  for (const code of input.audience)
    for (const f of byCode.has(code) ? (flags.get(code) ?? []) : []) {
      const info = resolve(defs, { code: f.indicatorCode, scheme: f.scheme })!.info;
      indicators[valueKey(info)] ??= info;
    }

  return {
    region: {
      format: 2,
      kind: input.kind,
      title: input.title,
      period: input.period,
      region: input.region,
      catalogue: { code: input.catalogue.code, name: input.catalogue.name },
      sheetVersions: input.sheetVersions,
      peerMode: input.peerMode,
      layout: input.layout,
      frozenAt: input.frozenAt,
      suppression: { threshold: o.threshold, marker: suppressionMarker(o) },
      panels: regionPanels,
      peers,
      indicators,
      comparisons: stats,
    },
    parts,
  };
}

function peerValue(k: Comparison, code: string, o: NumOptions): Num {
  const v = k.byCode.get(code)?.value ?? null;
  return v === null ? null : num(v, k.def.unit, o);
}

function uniqueInfos(infos: IndicatorInfo[]): IndicatorInfo[] {
  const seen = new Set<string>();
  return infos.filter((i) => !seen.has(valueKey(i)) && seen.add(valueKey(i)));
}
