"use server";

import { revalidatePath } from "next/cache";
import { saveRegion } from "@/app/_server/admin/save-region";
import { requireSession } from "@/app/_server/auth/current-session";
import { toActionResult } from "@/app/_server/auth/page-guard";

export async function saveRegionAction(input: unknown, id?: string) {
  const session = await requireSession();
  const result = await toActionResult(() => saveRegion(session, input, id));
  if (result.ok) revalidatePath("/admin/regions");
  return result;
}
