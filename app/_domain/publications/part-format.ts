import {
  FIGURE_FIELDS,
  type CompactPart,
  type CompactPosition,
  type Figure,
  type FrozenRegionPart,
  type GroupStatsView,
  type InstitutionPart,
  type Num,
  type PanelData,
  type PositionView,
  type StoredPart,
} from "./types";

/**
 * The stored formats of an institution part. Format 1 (the first published snapshots) stored each part whole;
 * format 2 stores only what is the institution's own and refers to the indicators and group statistics the
 * region part holds once (CompactPart). A published snapshot is never rewritten: both formats are read, and
 * expandPart gives the same InstitutionPart a format-1 part of the same content holds, field for field, so
 * views (views.ts) and everything drawn from them do not know the difference.
 */
const isCompact = (part: StoredPart): part is CompactPart => "format" in part && part.format === 2;

export function expandPart(region: FrozenRegionPart, stored: StoredPart): InstitutionPart {
  if (!isCompact(stored)) return stored;
  const indicators = region.indicators ?? {};
  const comparisons = region.comparisons ?? {};
  const level = stored.institution.level;
  const levelOf = (key: string): GroupStatsView => comparisons[key]!.levels[level] ?? comparisons[key]!.region;
  const value = (key: string): Num => stored.values[key] ?? null;
  const panels: Record<string, PanelData> = {};
  for (const [id, panel] of Object.entries(stored.panels)) {
    if (panel.kind === "OWN_INDICATORS")
      panels[id] = {
        kind: "OWN_INDICATORS",
        rows: panel.rows.map((r) => {
          const k = comparisons[r.key]!;
          return {
            indicator: indicators[r.key]!,
            figure: figureOf(r.figure),
            value: value(r.key),
            view: k.view,
            inRegion: positionOf(r.inRegion, k.region.count),
            inLevel: positionOf(r.inLevel, levelOf(r.key).count),
            region: k.region,
            level: levelOf(r.key),
          };
        }),
        peers: [],
      };
    else if (panel.kind === "PEER_QUADRANT") {
      const values: Record<string, Num> = { [panel.x]: value(panel.x), [panel.y]: value(panel.y) };
      if (panel.size !== null) values[panel.size] = value(panel.size);
      panels[id] = {
        kind: "PEER_QUADRANT",
        x: indicators[panel.x]!,
        y: indicators[panel.y]!,
        size: panel.size === null ? null : indicators[panel.size]!,
        points: [{ label: stored.institution.name, own: true, values }],
      };
    } else if (panel.kind === "PEER_DISTRIBUTION")
      panels[id] = {
        kind: "PEER_DISTRIBUTION",
        rows: panel.keys.map((key) => ({ indicator: indicators[key]!, level: levelOf(key), own: value(key) })),
      };
    else
      panels[id] = {
        kind: "ALERTS",
        alerts: panel.alerts.map((a) => ({ indicator: indicators[a.key]!, kind: a.kind, reason: a.reason, explanation: a.explanation })),
      };
  }
  return { institution: stored.institution, panels };
}

function figureOf(values: readonly Num[]): Figure {
  const out = {} as Figure;
  FIGURE_FIELDS.forEach((name, i) => (out[name] = values[i] ?? null));
  return out;
}

const positionOf = ([rank, percentile]: CompactPosition, count: number): PositionView => ({ rank, count, percentile });
