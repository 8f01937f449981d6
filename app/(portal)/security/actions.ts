"use server";

import { revalidatePath } from "next/cache";
import { requireSession } from "@/app/_server/auth/current-session";
import { toActionResult } from "@/app/_server/auth/page-guard";
import { resetMfa, terminateSessions, unlockAccount } from "@/app/_server/security/account-controls";

export async function unlockAccountAction(input: unknown) {
  const session = await requireSession();
  const result = await toActionResult(() => unlockAccount(session, input));
  if (result.ok) revalidatePath("/security");
  return result;
}

export async function terminateSessionsAction(input: unknown) {
  const session = await requireSession();
  const result = await toActionResult(() => terminateSessions(session, input));
  if (result.ok) revalidatePath("/security");
  return result;
}

export async function resetMfaAction(input: unknown) {
  const session = await requireSession();
  const result = await toActionResult(() => resetMfa(session, input));
  if (result.ok) revalidatePath("/security");
  return result;
}
