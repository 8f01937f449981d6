"use server";

import { revalidatePath } from "next/cache";
import { requireSession } from "@/app/_server/auth/current-session";
import { toActionResult } from "@/app/_server/auth/page-guard";
import type { Session } from "@/app/_server/auth/session";
import { correctPublication } from "@/app/_server/publications/correct-publication";
import { createTopicalPublication } from "@/app/_server/publications/create-topical-publication";
import { publishPublication } from "@/app/_server/publications/publish-publication";
import { remindUnread } from "@/app/_server/publications/remind-unread";
import { reviewPublication } from "@/app/_server/publications/review-publication";
import { submitPublication } from "@/app/_server/publications/submit-publication";
import { updatePublicationDraft } from "@/app/_server/publications/update-publication-draft";
import { withdrawPublication } from "@/app/_server/publications/withdraw-publication";

/**
 * The data group's publication actions: thin (session → use case, which parses its zod schema and authorizes →
 * revalidate → result). Inputs are `unknown` on purpose: the use cases re-parse them.
 */
async function run<T>(fn: (session: Session) => Promise<T>) {
  const session = await requireSession();
  const result = await toActionResult(() => fn(session));
  if (result.ok) revalidatePath("/publications", "layout");
  return result;
}

export async function createTopicalAction(input: unknown) {
  return run((s) => createTopicalPublication(s, input));
}
export async function updateDraftAction(input: unknown) {
  return run((s) => updatePublicationDraft(s, input));
}
export async function submitAction(versionId: string) {
  return run((s) => submitPublication(s, { versionId }));
}
export async function reviewAction(input: unknown) {
  return run((s) => reviewPublication(s, input));
}
export async function publishAction(versionId: string) {
  return run((s) => publishPublication(s, { versionId }));
}
export async function correctAction(input: unknown) {
  return run((s) => correctPublication(s, input));
}
export async function withdrawAction(input: unknown) {
  return run((s) => withdrawPublication(s, input));
}
export async function remindAction(versionId: string) {
  return run((s) => remindUnread(s, { versionId }));
}
