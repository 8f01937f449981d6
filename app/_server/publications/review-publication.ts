import type { Session } from "../auth/session";


/** DATA_REVIEWER (not the author) approves an IN_REVIEW version or returns it to DRAFT with a comment. */
export async function reviewPublication(session: Session, input: unknown): Promise<{ status: "APPROVED" | "DRAFT" }> {
  void session;
  throw new Error("未实现");
}
