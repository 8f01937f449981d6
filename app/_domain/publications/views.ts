import {
  PANEL_LABELS,
  type FrozenRegionPart,
  type InstitutionPart,
  type Num,
  type PanelData,
  type PeerPoint,
  type SectionView,
} from "./types";

/**
 * What one caller sees of a (frozen or previewed) publication: the region panels, and the OWN panels of the
 * caller's institution with peers per peer mode. A pure function of the frozen data, the caller's institution
 * and the version id, so a published view never changes:
 * - NAMED: peers of the same level by name;
 * - ANONYMISED: the own institution by name, the others 「同级机构 A、B…」 in an order shuffled by a seed of the
 *   version and the recipient, so letters cannot be matched across recipients or publications;
 * - OWN_ONLY: no peer rows.
 * Without an institution (a staff view without a chosen one) the OWN panels have no data.
 */
export function sectionsFor(region: FrozenRegionPart, part: InstitutionPart | null, seed: string): SectionView[] {
  const peers = part ? peerPoints(region, part, seed) : [];
  return region.layout.sections.map((section) => ({
    id: section.id,
    title: section.title,
    scope: section.scope,
    panels: section.panels.map((panel) => {
      let data: PanelData | null =
        section.scope === "OWN" || !(panel.id in region.panels) ? (part?.panels[panel.id] ?? null) : region.panels[panel.id]!;
      if (data?.kind === "OWN_INDICATORS") data = { ...data, peers };
      if (data?.kind === "PEER_QUADRANT") data = { ...data, points: peers.length ? peers : data.points };
      return { id: panel.id, kind: panel.kind, title: panel.title || PANEL_LABELS[panel.kind], note: panel.note ?? null, data };
    }),
  }));
}

/** Same-level peers including the own institution (own first), labelled by peer mode. */
export function peerPoints(region: FrozenRegionPart, part: InstitutionPart, seed: string): PeerPoint[] {
  if (region.peerMode === "OWN_ONLY") return [];
  const level = region.peers[part.institution.level] ?? [];
  const ownEntry = level.find((p) => p.code === part.institution.code);
  const own: PeerPoint = { label: part.institution.name, own: true, values: ownEntry?.values ?? {} };
  const others = level.filter((p) => p.code !== part.institution.code);
  if (region.peerMode === "NAMED") return [own, ...others.map((p) => ({ label: p.name, own: false, values: p.values }))];
  const shuffled = shuffle(others, `${seed}:${part.institution.code}`);
  return [own, ...shuffled.map((p, i) => ({ label: `同级机构 ${letters(i)}`, own: false, values: p.values as Record<string, Num> }))];
}

/** A, B, … Z, AA, AB, … */
export function letters(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Fisher–Yates with a small deterministic generator (FNV-1a seed, xorshift32): stable per seed. */
function shuffle<T>(items: readonly T[], seed: string): T[] {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let x = h || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
