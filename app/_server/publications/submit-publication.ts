import type { Session } from "../auth/session";


/** DATA_ENTRY sends a DRAFT for review; the submitter is the author the reviewer must differ from. */
export async function submitPublication(session: Session, input: unknown): Promise<{ status: "IN_REVIEW" }> {
  void session;
  throw new Error("未实现");
}
