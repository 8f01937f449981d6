import type { Scheme } from "@/app/_domain/catalogue";
import { NHSA_2025_03 } from "@/app/_domain/catalogues/nhsa-2025-03";
import type { InstitutionLevel } from "@/app/_domain/institutions";
import { METRIC_FIELDS, type MetricValues } from "@/app/_domain/metrics/compute-metrics";
import type { SnapshotInput } from "@/app/_domain/publications/build-snapshot";
import { MONTHLY_LAYOUT, publicationPeriod, QUARTERLY_LAYOUT, trendMonths } from "@/app/_domain/publications/layouts";
import type { PublicationKind } from "@/app/_domain/publications/types";
import { seeded } from "./seeded";

const LEVELS: InstitutionLevel[] = ["LEVEL_3", "LEVEL_2", "LEVEL_1", "UNRATED"];

/**
 * A deterministic snapshot input over the shipped catalogue: `count` institutions of four levels, every stored
 * field of every indicator × scheme (region rows over 36 months, institution rows at the data month), with the
 * cases that matter to a snapshot: ties, small person counts (suppressed), missing values, negative and outlying
 * values (anomaly flags), and values with many digits.
 */
export function snapshotInput(kind: PublicationKind, options: { count?: number; seed?: number } = {}): SnapshotInput {
  const random = seeded(options.seed ?? 11);
  const end = "2025-06";
  const indicators = NHSA_2025_03.indicators;
  const institutions = Array.from({ length: options.count ?? 16 }, (_, i) => ({
    code: `H9901000${String(i + 1).padStart(4, "0")}`,
    name: `测试医院${i + 1}`,
    level: LEVELS[i % 4]!,
  }));
  const value = (): string | null => {
    const r = random();
    if (r < 0.06) return null;
    if (r < 0.16) return String(Math.floor(random() * 6)); // small counts and ties
    if (r < 0.22) return "12.5"; // ties
    if (r < 0.26) return (-random() * 100).toFixed(3);
    if (r < 0.3) return (random() * 1e9).toFixed(6); // 15–16 significant digits
    if (r < 0.34) return (random() * 1e4).toFixed(2); // outliers
    return (random() * 100).toFixed(Math.floor(random() * 7));
  };
  const row = (period: string, code: string, scheme: Scheme, institutionCode: string | null): MetricValues => {
    const out = { period, indicatorCode: code, scheme, institutionCode } as MetricValues;
    for (const f of METRIC_FIELDS) out[f] = value();
    if (out.yoy !== null) out.yoy = ((random() - 0.5) * 1.2).toFixed(6);
    return out;
  };
  const rows: MetricValues[] = [];
  for (const def of indicators)
    for (const scheme of def.schemes) {
      if (def.scope === "REGION") for (const period of trendMonths(end, 36)) rows.push(row(period, def.code, scheme, null));
      else for (const inst of institutions) if (random() > 0.04) rows.push(row(end, def.code, scheme, inst.code));
    }
  const layout = kind === "MONTHLY_PUSH" ? MONTHLY_LAYOUT : QUARTERLY_LAYOUT;
  return {
    kind,
    title: `测试市${kind}`,
    period: publicationPeriod(kind, end),
    region: { code: "990100", name: "测试市" },
    catalogue: { code: NHSA_2025_03.code, name: NHSA_2025_03.name, indicators },
    sheetVersions: [{ period: end, version: 1, acceptedAt: "2025-07-10T02:00:00.000Z" }],
    peerMode: kind === "MONTHLY_PUSH" ? "NAMED" : "ANONYMISED",
    layout: structuredClone(layout),
    narrative: "测试解读",
    explanations: { [`${institutions[0]!.code}:IN05:PEER_HIGH`]: "测试说明" },
    rows,
    institutions,
    audience: institutions.slice(0, -2).map((i) => i.code),
    suppression: { threshold: 5 },
    contact: "测试市医保数据工作组",
    frozenAt: "2025-07-15T08:00:00.000Z",
  };
}
