import { institutionImportFormSchema } from "@/app/_domain/schemas/institution";
import { importInstitutions } from "@/app/_server/admin/import-institutions";
import { MAX_FILE_BYTES } from "@/app/_server/admin/read-table-file";
import { apiRoute } from "@/app/_server/http/api-route";

/**
 * POST multipart/form-data: `file` (.xlsx or .csv), optional `dryRun` ("1"/"true"). Answers the use case's
 * result as JSON (200 also when the file has issues: `ok: false` with the issue list).
 */
export const POST = apiRoute(
  { summary: "导入医疗机构（xlsx/CSV）", auth: "session", upload: { maxFileBytes: MAX_FILE_BYTES, fields: institutionImportFormSchema } },
  ({ session, upload }) => importInstitutions(session, { fileName: upload.file.name, bytes: upload.bytes, dryRun: upload.fields.dryRun }),
);
