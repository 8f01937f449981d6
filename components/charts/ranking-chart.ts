import type { ChartSpec } from "./chart-spec";
import type { Quartiles } from "./peer-options";

/** One indicator's ranking data, compact: the peers' values in the order of the peer list it goes with. */
export interface RankingChoice {
  /** The picker's option text: "IN01 门急诊人次". */
  name: string;
  subject: string;
  unit: string;
  values: (string | null)[];
  quartiles: Quartiles;
}

/**
 * The ranking chart of one indicator among the peers the recipient may see: the peers with a value, the own
 * one marked, the level's quartiles; null when fewer than two have a value. Pure: the server builds the first
 * chart, the dashboard's picker the others in the browser, from the same compact data.
 */
export function rankingChartOf(peers: readonly { label: string; own: boolean }[], choice: RankingChoice) {
  const ranked = peers.map((p, k) => ({ label: p.label, own: p.own, value: choice.values[k] ?? null })).filter((p) => p.value !== null);
  if (ranked.length < 2) return null;
  const spec: ChartSpec = { kind: "peerRanking", subject: choice.subject, unit: choice.unit, peers: ranked, quartiles: choice.quartiles };
  return { spec, label: `${choice.subject}同级排名，本院已标出`, height: Math.min(520, 60 + ranked.length * 22) };
}
