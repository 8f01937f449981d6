import { sheetDiffQuerySchema, versionParamsSchema } from "@/app/_domain/schemas/sheet";
import { apiRoute } from "@/app/_server/http/api-route";
import { diffSheetVersions } from "@/app/_server/sheets/diff-sheet-versions";

/** GET ?from={id}: the cells that differ from version `from` to this version of the same month. */
export const GET = apiRoute(
  { summary: "同一月份两个底稿版本之间有差异的单元格", auth: "session", params: versionParamsSchema, query: sheetDiffQuerySchema },
  ({ session, params, query }) => diffSheetVersions(session, { fromId: query.from, toId: params.versionId }),
);
