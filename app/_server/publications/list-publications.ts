import type { Session } from "../auth/session";
import type { PublicationListItem } from "./dto";

/** What the caller may see: hospital users the published versions addressed to their institution (embargo lifted, not withdrawn), unread first; region staff every publication of their region; supervisors the published ones of their province. */
export async function listPublications(session: Session, filter: { kind?: string; status?: string } = {}): Promise<PublicationListItem[]> {
  void session;
  throw new Error("未实现");
}
