"use server";

import { revalidatePath } from "next/cache";
import { requireSession } from "@/app/_server/auth/current-session";
import { toActionResult } from "@/app/_server/auth/page-guard";
import { getMetricLineage } from "@/app/_server/metrics/get-metric-lineage";
import { getMetricTrend } from "@/app/_server/metrics/get-metric-trend";
import { saveNarrative } from "@/app/_server/metrics/save-narrative";

/** The lineage card of one number (the use case checks the region). */
export async function metricLineageAction(input: { regionCode: string; period: string; indicator: string; scheme: string; institution?: string | null }) {
  const session = await requireSession();
  return toActionResult(() => getMetricLineage(session, input));
}

/** This year's and last year's months of one indicator, for the trend chart. */
export async function metricTrendAction(input: { regionCode: string; period: string; indicator: string; scheme: string; view?: "month" | "ytd" }) {
  const session = await requireSession();
  return toActionResult(() => getMetricTrend(session, input));
}

/** Saves the edited 智能解读 of a quarter as a new version. */
export async function saveNarrativeAction(input: { period: string; text: string; baseVersion: number }) {
  const session = await requireSession();
  const result = await toActionResult(() => saveNarrative(session, input));
  if (result.ok) revalidatePath("/metrics");
  return result;
}
