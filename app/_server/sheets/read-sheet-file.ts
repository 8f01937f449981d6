import type { IndicatorDef } from "@/app/_domain/catalogue";
import type { RawCell, SheetIssue } from "@/app/_domain/sheets/types";
import { tableFileKind } from "../admin/read-table-file";
import { readLongCsv } from "./read-long-csv";
import { readSheetTemplate } from "./read-sheet-template";

export interface SheetFileRead {
  kind: "xlsx" | "csv";
  regionCode: string | null;
  period: string | null;
  /** Only for the xlsx template (from its _meta sheet). */
  catalogueCode: string | null;
  templateHash: string | null;
  cells: RawCell[];
  /** Reading issues; pass cells, region and period on to validateSheet and merge its report. */
  issues: SheetIssue[];
}

/**
 * An uploaded base sheet by its file name: .xlsx → the template reader, .csv → the long CSV reader.
 * Other extensions (.xls, .xlsm with macros, …) are refused with read-table-file's messages.
 */
export async function readSheetFile(
  fileName: string,
  bytes: Buffer,
  catalogue: { code: string; indicators: readonly IndicatorDef[] },
): Promise<SheetFileRead> {
  const kind = tableFileKind(fileName);
  if (kind === "xlsx") return { kind, ...(await readSheetTemplate(bytes, catalogue)) };
  return { kind, catalogueCode: null, templateHash: null, ...readLongCsv(bytes) };
}
