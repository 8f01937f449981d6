"use server";

import { revalidatePath } from "next/cache";
import { requireSession } from "@/app/_server/auth/current-session";
import { toActionResult } from "@/app/_server/auth/page-guard";
import { acknowledgePublication } from "@/app/_server/publications/acknowledge-publication";

/** 确认已阅 of the latest published version the hospital user sees. */
export async function acknowledgeAction(id: string) {
  const session = await requireSession();
  const result = await toActionResult(() => acknowledgePublication(session, { id: String(id) }));
  if (result.ok) revalidatePath("/inbox");
  return result;
}
