import { versionParamsSchema } from "@/app/_domain/schemas/sheet";
import { apiRoute } from "@/app/_server/http/api-route";
import { fileResponse } from "@/app/_server/http/route-helpers";
import { downloadSheetOriginal } from "@/app/_server/sheets/download-sheet-file";

/** GET: the file of a sheet version exactly as uploaded. */
export const GET = apiRoute({ summary: "底稿版本的原始文件", auth: "session", params: versionParamsSchema }, async ({ session, params }) =>
  fileResponse(await downloadSheetOriginal(session, params.versionId)),
);
