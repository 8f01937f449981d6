import type { Session } from "../auth/session";


/** DATA_ENTRY starts a correction of a PUBLISHED version: version n+1 as DRAFT with the reason; publishing it marks n CORRECTED and tells the recipients. */
export async function correctPublication(session: Session, input: unknown): Promise<{ versionId: string; version: number }> {
  void session;
  throw new Error("未实现");
}
