import "server-only";
import { EXPORT_HEADER, exportRows } from "@/app/_domain/publications/export-rows";
import { actorOf, recordAudit } from "../audit/record-audit";
import type { Session } from "../auth/session";
import { db } from "../db";
import type { PublicationExport } from "./dto";
import { getPublication } from "./get-publication";

/**
 * The rows of exactly what the caller sees (getPublication's view: same access, own part only, suppressed cells
 * keep their marker), every cell neutralised against spreadsheet formulas (= + - @). Audited.
 */
export async function exportPublication(
  session: Session,
  input: { id: string; version?: number; institutionCode?: string },
): Promise<PublicationExport> {
  const view = await getPublication(session, input);
  const prisma = await db();
  await prisma.$transaction((tx) =>
    recordAudit(tx, actorOf(session), {
      action: "publication.export",
      objectType: "PublicationVersion",
      objectId: view.versionId,
      detail: { institution: view.institution?.code },
    }),
  );
  const who = view.institution ? `_${view.institution.name}` : "";
  return {
    fileName: `${view.title}${who}_第${view.version}版`.replace(/[\\/:*?"<>|\s]+/g, "_"),
    sheetName: view.kindLabel,
    header: EXPORT_HEADER,
    rows: exportRows(view),
  };
}
