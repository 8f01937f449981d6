"use server";

import { revalidatePath } from "next/cache";
import { requireSession } from "@/app/_server/auth/current-session";
import { toActionResult } from "@/app/_server/auth/page-guard";
import { saveNarrative } from "@/app/_server/metrics/save-narrative";

/** Saves the edited 智能解读 of a quarter as a new version. */
export async function saveNarrativeAction(input: { period: string; text: string; baseVersion: number }) {
  const session = await requireSession();
  const result = await toActionResult(() => saveNarrative(session, input));
  if (result.ok) revalidatePath("/metrics");
  return result;
}
