import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { CsvSyntaxError, splitCsv } from "@/app/_domain/csv";
import { AppError } from "../errors";

/**
 * Reads an uploaded table (.xlsx or .csv) into rows of trimmed cell strings; rows[0] is the header and
 * rows[i] is line i + 1 of the file (blank lines stay as empty arrays, so row numbers in messages match what
 * the user sees in Excel). Everything that is not a plain, small table is refused with a Chinese message
 * before any parser sees it: wrong extension, wrong magic bytes, too big, too many rows, formula cells, and
 * xlsx archives that would inflate to more than MAX_UNCOMPRESSED_BYTES (zip bombs).
 */

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_DATA_ROWS = 20_000;
export const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 2_000;

export type TableFileKind = "xlsx" | "csv";

export interface TableFile {
  kind: TableFileKind;
  rows: string[][];
}

const invalid = (message: string) => new AppError("INVALID", message);
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const fmt = (n: number) => n.toLocaleString("en-US");

/** The save-as step in the words of the suites the bureaus use: WPS and LibreOffice first, then Excel. */
export const SAVE_AS_XLSX = "请在 WPS/LibreOffice 中另存为 Excel 2007-365（.xlsx）后上传；用 Excel 时“另存为” Excel 工作簿（.xlsx）。";

export function tableFileKind(fileName: string): TableFileKind {
  const ext = /\.([^./\\]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  if (ext === "xlsx") return "xlsx";
  if (ext === "csv") return "csv";
  if (ext === "xls") throw invalid(`不支持旧版 Excel（.xls）文件，${SAVE_AS_XLSX}`);
  if (ext === "ods") throw invalid(`不支持 OpenDocument（.ods）文件，${SAVE_AS_XLSX}`);
  if (ext === "xlsm" || ext === "xltm" || ext === "xlsb")
    throw invalid(`不支持 .${ext} 文件（可能包含宏），请另存为普通的 .xlsx 工作簿或 .csv 文件后再上传。`);
  throw invalid(`只支持 .xlsx 或 .csv 文件，“${fileName}”不是这两种格式。`);
}

export async function readTableFile(fileName: string, bytes: Buffer): Promise<TableFile> {
  const kind = tableFileKind(fileName);
  checkFileSize(bytes);
  const rows = kind === "xlsx" ? await readXlsx(bytes) : readCsv(bytes);
  let last = rows.length;
  while (last > 0 && rows[last - 1].every((c) => !c)) last--;
  rows.length = last;
  if (rows.length - 1 > MAX_DATA_ROWS) throw tooManyRows();
  return { kind, rows };
}

/** Refuses an empty file and one larger than maxBytes (default MAX_FILE_BYTES). */
export function checkFileSize(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): void {
  if (bytes.length === 0) throw invalid("上传的文件是空的。");
  if (bytes.length > maxBytes)
    throw invalid(`文件大小 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过 ${mb(maxBytes)} 的上限，请拆分后分批导入。`);
}

const tooManyRows = (maxRows = MAX_DATA_ROWS) => invalid(`文件超过 ${fmt(maxRows)} 行数据，请拆分后分批导入。`);

// ---------------------------------------------------------------------------------------------- xlsx

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Every check an uploaded .xlsx passes before ExcelJS parses it (magic bytes, then checkZip: structure,
 * macros, encryption, zip bombs), then the parse itself with a Chinese message when it fails.
 */
export async function loadXlsxWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  if (!startsWith(bytes, ZIP_MAGIC)) {
    if (startsWith(bytes, OLE_MAGIC))
      throw invalid(`文件实际是旧版 Excel（.xls）格式或已设置打开密码（如有密码请先取消）。${SAVE_AS_XLSX}`);
    throw invalid(`文件内容不是 Excel（.xlsx）格式，可能只是改了扩展名。${SAVE_AS_XLSX}`);
  }
  if (isOpenDocument(bytes)) throw invalid(`这是 OpenDocument（.ods）文件，${SAVE_AS_XLSX}`);
  checkZip(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    // Validations and conditional formats are not needed, and ExcelJS expands their ranges cell by cell
    // (a whole-column dropdown would be a million entries).
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0], {
      ignoreNodes: ["dataValidations", "conditionalFormatting", "extLst"],
    });
  } catch {
    throw invalid("无法读取该 Excel 文件，文件可能已损坏。请用 Excel 打开后重新保存为 .xlsx 再上传。");
  }
  return wb;
}

/**
 * An OpenDocument file (.ods saved by WPS or LibreOffice, perhaps renamed .xlsx) is a zip too; its first
 * entry is an uncompressed "mimetype" naming the format (ODF 1.2 §3.3), so 38 bytes from the start say so.
 */
function isOpenDocument(b: Buffer): boolean {
  return b.toString("latin1", 30, 38) === "mimetype" && b.toString("latin1", 38, 120).includes("application/vnd.oasis.opendocument");
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const wb = await loadXlsxWorkbook(bytes);
  const ws = wb.worksheets.find((s) => s.state === "visible") ?? wb.worksheets[0];
  if (!ws) throw invalid("Excel 文件中没有工作表。");

  const rows: string[][] = [];
  const formulas: string[] = [];
  let lastRow = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    lastRow = rowNumber;
    if (rowNumber - 1 > MAX_DATA_ROWS) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const source = cell.type === ExcelJS.ValueType.Merge ? cell.master : cell;
      if (source.type === ExcelJS.ValueType.Formula) {
        if (formulas.length < 5 && !formulas.includes(source.address)) formulas.push(source.address);
        return;
      }
      cells[col - 1] = cellText(source.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
  });
  if (lastRow - 1 > MAX_DATA_ROWS) throw tooManyRows();
  if (formulas.length) throw invalid(`单元格 ${formulas.join("、")} 含有公式。请把公式转换为数值（复制后“选择性粘贴 → 数值”）再上传。`);
  return Array.from(rows, (r) => r ?? []);
}

/** A cell value as trimmed text (dates as YYYY-MM-DD, rich text joined, errors as their code). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if ("richText" in v)
    return v.richText
      .map((t) => t.text)
      .join("")
      .trim();
  if ("error" in v) return String(v.error);
  if ("text" in v) return cellText(v.text as ExcelJS.CellValue);
  return "";
}

/**
 * Reads the ZIP central directory and refuses archives that are malformed, hold macros or encrypted
 * entries, or would inflate past MAX_UNCOMPRESSED_BYTES. The declared sizes are checked first (cheap); then
 * each entry is actually inflated with that size as a hard cap, so a directory that lies about its sizes
 * is caught too. Only then does ExcelJS (JSZip) see the file.
 */
export function checkZip(b: Buffer): void {
  const broken = () => invalid("Excel 文件结构已损坏（ZIP 目录无效），请用 Excel 打开后重新保存为 .xlsx 再上传。");
  const bomb = () =>
    invalid(`Excel 文件解压后超过 ${mb(MAX_UNCOMPRESSED_BYTES)}，内容异常（疑似压缩炸弹），已拒绝。请只保留需要导入的数据后重新保存。`);

  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end of the file.
  let eocd = -1;
  for (let p = b.length - 22; p >= Math.max(0, b.length - 22 - 0xffff); p--)
    if (b.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  if (eocd < 0) throw broken();
  let entries = b.readUInt16LE(eocd + 10);
  let cdSize = b.readUInt32LE(eocd + 12);
  let cdOffset = b.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || b.readUInt32LE(loc) !== 0x07064b50) throw broken();
    const z = Number(b.readBigUInt64LE(loc + 8));
    if (z + 56 > b.length || b.readUInt32LE(z) !== 0x06064b50) throw broken();
    entries = Number(b.readBigUInt64LE(z + 32));
    cdSize = Number(b.readBigUInt64LE(z + 40));
    cdOffset = Number(b.readBigUInt64LE(z + 48));
  }
  if (entries === 0 || entries > MAX_ZIP_ENTRIES || cdOffset + cdSize > b.length) throw broken();

  const list: { name: string; method: number; compressed: number; size: number; offset: number }[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) throw broken();
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    let compressed = b.readUInt32LE(p + 20);
    let size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    let offset = b.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen > b.length) throw broken();
    const name = b.toString("utf8", p + 46, p + 46 + nameLen);
    if (size === 0xffffffff || compressed === 0xffffffff || offset === 0xffffffff) {
      // ZIP64 extended information: only the fields that overflowed are present, in this order.
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      let found = false;
      while (e + 4 <= end) {
        const id = b.readUInt16LE(e);
        const len = b.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          const next = () => {
            if (q + 8 > e + 4 + len) throw broken();
            const v = Number(b.readBigUInt64LE(q));
            q += 8;
            return v;
          };
          if (size === 0xffffffff) size = next();
          if (compressed === 0xffffffff) compressed = next();
          if (offset === 0xffffffff) offset = next();
          found = true;
          break;
        }
        e += 4 + len;
      }
      if (!found) throw broken();
    }
    if (flags & 0x1) throw invalid("Excel 文件已加密，请取消密码保护后重新保存为 .xlsx 再上传。");
    if (method !== 0 && method !== 8) throw broken();
    if (unsafeEntryName(name))
      throw invalid(
        `Excel 文件中含有路径异常的条目（如“../”或绝对路径），不是正常的 Excel 工作簿，已拒绝。请用 Excel 打开后重新保存为 .xlsx 再上传。`,
      );
    if (/(^|\/)vbaProject\.bin$/i.test(name)) throw invalid("Excel 文件包含宏（VBA），请另存为普通的 .xlsx 工作簿（不含宏）后再上传。");
    total += size;
    if (total > MAX_UNCOMPRESSED_BYTES) throw bomb();
    list.push({ name, method, compressed, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }

  // The declared sizes are fine; make sure the data really inflates to no more than declared.
  for (const f of list) {
    if (f.offset + 30 > b.length || b.readUInt32LE(f.offset) !== 0x04034b50) throw broken();
    // The local header must name the same entry as the directory (a reader may trust either one).
    if (b.toString("utf8", f.offset + 30, f.offset + 30 + b.readUInt16LE(f.offset + 26)) !== f.name) throw broken();
    const start = f.offset + 30 + b.readUInt16LE(f.offset + 26) + b.readUInt16LE(f.offset + 28);
    if (start + f.compressed > b.length) throw broken();
    const data = b.subarray(start, start + f.compressed);
    if (f.method === 0) {
      if (f.compressed !== f.size) throw broken();
      continue;
    }
    let actual: number;
    try {
      actual = inflateRawSync(data, { maxOutputLength: Math.max(1, f.size) }).length;
    } catch (e) {
      if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw bomb();
      throw broken();
    }
    if (actual !== f.size) throw broken();
  }
}

/**
 * A zip entry name no workbook has and a careless extractor would write outside its folder (zip slip):
 * absolute (`/x`, `\\x`), a drive letter (`C:`), a backslash, a `..` segment, or a control character.
 */
export function unsafeEntryName(name: string): boolean {
  return (
    name.startsWith("/") || name.includes("\\") || /^[a-z]:/i.test(name) || name.split("/").includes("..") || /[\u0000-\u001f]/.test(name)
  );
}

// ----------------------------------------------------------------------------------------------- csv

function readCsv(bytes: Buffer): string[][] {
  return parseCsv(decodeCsvBytes(bytes));
}

/** The bytes of an uploaded .csv as text: refuses (renamed) Excel files and binary content, then decodeText. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (startsWith(bytes, ZIP_MAGIC) && isOpenDocument(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)))
    throw invalid(`这是 OpenDocument（.ods）文件，${SAVE_AS_XLSX}`);
  if (startsWith(bytes, ZIP_MAGIC)) throw invalid("文件实际是 Excel（.xlsx）格式，但扩展名是 .csv。请把扩展名改回 .xlsx 再上传。");
  if (startsWith(bytes, OLE_MAGIC)) throw invalid(`文件实际是旧版 Excel（.xls）格式，${SAVE_AS_XLSX}`);
  const text = decodeText(bytes);
  if (text.includes("\u0000")) throw invalid("文件不是文本格式的 CSV，请在 Excel 中“另存为 CSV”后再上传。");
  return text;
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, otherwise GBK/GB18030 as saved by Chinese Excel. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder("gbk", { fatal: true }).decode(bytes);
    } catch {
      throw invalid("无法识别文件的文字编码（既不是 UTF-8 也不是 GBK），请在 Excel 中“另存为 CSV UTF-8”后再上传。");
    }
  }
}

/**
 * RFC 4180 CSV (see splitCsv): rows of trimmed cells, one per record. Refuses more than maxDataRows records
 * after the header and unclosed quotes, naming the row.
 */
export function parseCsv(text: string, maxDataRows = MAX_DATA_ROWS): string[][] {
  try {
    return splitCsv(text, maxDataRows);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    throw e.kind === "too-many-rows" ? tooManyRows(maxDataRows) : invalid(e.message);
  }
}
