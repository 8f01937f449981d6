import { catalogueImportFormSchema } from "@/app/_domain/schemas/catalogue";
import { MAX_FILE_BYTES } from "@/app/_server/admin/read-table-file";
import { importCatalogueVersion } from "@/app/_server/catalogue/import-catalogue-version";
import { apiRoute } from "@/app/_server/http/api-route";

/**
 * POST multipart/form-data: `file` (.xlsx or .csv in the export layout), `code` and `name` of the new catalogue
 * version, optional `description` and `reconstructed` ("1"/"true"). Answers the use case's result as JSON
 * (200 also when the file has issues: `ok: false` with the issue list).
 */
export const POST = apiRoute(
  { summary: "导入指标目录文件为新版本", auth: "session", upload: { maxFileBytes: MAX_FILE_BYTES, fields: catalogueImportFormSchema } },
  ({ session, upload }) =>
    importCatalogueVersion(session, {
      ...upload.fields,
      description: upload.fields.description ?? null,
      fileName: upload.file.name,
      bytes: upload.bytes,
    }),
);
