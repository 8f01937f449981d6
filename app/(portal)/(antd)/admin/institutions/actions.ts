"use server";

import { revalidatePath } from "next/cache";
import { saveInstitution } from "@/app/_server/admin/save-institution";
import { requireSession } from "@/app/_server/auth/current-session";
import { toActionResult } from "@/app/_server/auth/page-guard";

export async function saveInstitutionAction(input: unknown, id?: string) {
  const session = await requireSession();
  const result = await toActionResult(() => saveInstitution(session, input, id));
  if (result.ok) revalidatePath("/admin/institutions");
  return result;
}
