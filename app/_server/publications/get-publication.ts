import type { Session } from "../auth/session";
import type { PublicationView } from "@/app/_domain/publications/types";

/** One publication as the caller may see it (records the hospital user's opening). Anything else: NOT_FOUND, no data. Staff may preview an institution's 本院 section with institutionCode. */
export async function getPublication(session: Session, input: { id: string; version?: number; institutionCode?: string }): Promise<PublicationView> {
  void session;
  throw new Error("未实现");
}
