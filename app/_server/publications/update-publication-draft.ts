import type { Session } from "../auth/session";


/** DATA_ENTRY edits a DRAFT version (updateDraftSchema): title, layout, audience, peer mode, embargo, narrative, explanations. */
export async function updatePublicationDraft(session: Session, input: unknown): Promise<{ versionId: string }> {
  void session;
  throw new Error("未实现");
}
