import type { Session } from "../auth/session";
import type { PublicationExport } from "./dto";

/** The rows of exactly what the caller sees (same access as getPublication), suppressed cells kept suppressed, = + - @ neutralised, for CSV and XLSX. */
export async function exportPublication(session: Session, input: { id: string; version?: number; institutionCode?: string }): Promise<PublicationExport> {
  void session;
  throw new Error("未实现");
}
