"use server";

import { revalidatePath } from "next/cache";
import { requireSession } from "@/app/_server/auth/current-session";
import { toActionResult } from "@/app/_server/auth/page-guard";
import { saveLocalIndicator } from "@/app/_server/catalogue/save-local-indicator";

export async function saveLocalIndicatorAction(input: unknown, id?: string) {
  const session = await requireSession();
  const result = await toActionResult(() => saveLocalIndicator(session, input, id));
  if (result.ok) revalidatePath("/catalogue", "layout");
  return result;
}
