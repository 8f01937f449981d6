/**
 * The CSV tokenizer shared by every CSV reader (institution import, long sheet CSV). Pure: the server's
 * readers turn its CsvSyntaxError into their own user-facing errors.
 */

export class CsvSyntaxError extends Error {
  constructor(
    readonly kind: "unclosed-quote" | "too-many-rows",
    /** For an unclosed quote: the 1-based record where the quoted field starts. */
    readonly row: number,
  ) {
    super(kind === "unclosed-quote" ? `第 ${row} 行有未闭合的引号（"），请检查该行内容。` : "CSV 行数过多");
    this.name = "CsvSyntaxError";
  }
}

/**
 * RFC 4180 CSV: fields separated by commas (or tabs/semicolons when the header has no comma), records by
 * CRLF, LF or CR; a quoted field may contain separators, line breaks and doubled quotes. A quote inside an
 * unquoted field is kept literally, as Excel does. Each record is one row, so row numbers are record numbers;
 * a blank record is an empty array. Cells are trimmed. Throws CsvSyntaxError when more than maxDataRows
 * records follow the header, or a quote is never closed.
 */
export function splitCsv(text: string, maxDataRows: number): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/[\r\n]|$/));
  const sep = firstLine.includes(",") ? "," : firstLine.includes("\t") ? "\t" : firstLine.includes(";") ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let quoteStartRow = 0;
  const endRow = () => {
    row.push(field.trim());
    field = "";
    rows.push(row.length === 1 && row[0] === "" ? [] : row);
    row = [];
    if (rows.length - 1 > maxDataRows) throw new CsvSyntaxError("too-many-rows", rows.length);
  };
  const sepCode = sep.charCodeAt(0);
  let i = 0;
  const n = text.length;
  // Runs of ordinary characters are sliced, not appended one by one (a 15 MB sheet CSV in well under a second).
  while (i < n) {
    if (quoted) {
      const q = text.indexOf('"', i);
      if (q < 0) {
        field += text.slice(i);
        break;
      }
      field += text.slice(i, q);
      if (text.charCodeAt(q + 1) === 0x22) {
        field += '"';
        i = q + 2;
      } else {
        quoted = false;
        i = q + 1;
      }
      continue;
    }
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === sepCode || c === 0x0d || c === 0x0a || c === 0x22) break;
      j++;
    }
    if (j > i) {
      field += text.slice(i, j);
      i = j;
      if (i >= n) break;
    }
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      if (field.trim() === "") {
        field = "";
        quoted = true;
        quoteStartRow = rows.length + 1;
      } else field += '"';
      i++;
    } else if (c === sepCode) {
      row.push(field.trim());
      field = "";
      i++;
    } else {
      endRow();
      i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    }
  }
  if (quoted) throw new CsvSyntaxError("unclosed-quote", quoteStartRow);
  if (field !== "" || row.length) endRow();
  return rows;
}
