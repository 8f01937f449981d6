import type { Session } from "../auth/session";
import type { PublicationEditorDto } from "./dto";

/** The editor / review page of one version, for the staff of its region. */
export async function getPublicationEditor(session: Session, input: { versionId: string }): Promise<PublicationEditorDto> {
  void session;
  throw new Error("未实现");
}
