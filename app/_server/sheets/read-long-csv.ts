import { type LongCsvParse, parseLongCsv } from "@/app/_domain/sheets/long-csv";
import { checkFileSize, decodeCsvBytes } from "../admin/read-table-file";
import { SHEET_MAX_FILE_BYTES } from "./read-sheet-template";

/**
 * Reads an uploaded long CSV (docs/product.md §4): the file checks and decoding of read-table-file (renamed
 * Excel files and binary content refused; UTF-8 with or without BOM, UTF-16 with BOM, GBK), which throw an
 * AppError, then the domain parser, whose structural problems come back as issues.
 */
export function readLongCsv(bytes: Buffer): LongCsvParse {
  checkFileSize(bytes, SHEET_MAX_FILE_BYTES);
  return parseLongCsv(decodeCsvBytes(bytes));
}
