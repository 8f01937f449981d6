"use server";

import { revalidatePath } from "next/cache";
import { requireSession } from "@/app/_server/auth/current-session";
import { toActionResult } from "@/app/_server/auth/page-guard";
import { createApiToken } from "@/app/_server/sheets/create-api-token";
import { revokeApiToken } from "@/app/_server/sheets/revoke-api-token";
import { reviewSheet } from "@/app/_server/sheets/review-sheet";

/** 通过 / 退回 of a validated version (the use case enforces maker-checker and the region). */
export async function reviewSheetAction(input: { versionId: string; decision: "ACCEPT" | "REJECT"; comment?: string }) {
  const session = await requireSession();
  const result = await toActionResult(() => reviewSheet(session, input));
  if (result.ok) revalidatePath("/sheets", "layout");
  return result;
}

export async function createApiTokenAction(input: unknown) {
  const session = await requireSession();
  const result = await toActionResult(() => createApiToken(session, input));
  if (result.ok) revalidatePath("/sheets/tokens");
  return result;
}

export async function revokeApiTokenAction(id: string) {
  const session = await requireSession();
  const result = await toActionResult(() => revokeApiToken(session, { id }));
  if (result.ok) revalidatePath("/sheets/tokens");
  return result;
}
