import { versionParamsSchema } from "@/app/_domain/schemas/sheet";
import { apiRoute } from "@/app/_server/http/api-route";
import { fileResponse } from "@/app/_server/http/route-helpers";
import { downloadSheetReport } from "@/app/_server/sheets/download-sheet-file";

/** GET: the validation report of a sheet version as CSV. */
export const GET = apiRoute(
  { summary: "底稿版本的校验报告（CSV）", auth: "session", params: versionParamsSchema },
  async ({ session, params }) => fileResponse(await downloadSheetReport(session, params.versionId)),
);
