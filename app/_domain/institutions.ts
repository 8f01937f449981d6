/** Institution vocabulary and the pure parsing of one import row. */

export const INSTITUTION_LEVELS = ["LEVEL_3", "LEVEL_2", "LEVEL_1", "UNRATED"] as const;
export type InstitutionLevel = (typeof INSTITUTION_LEVELS)[number];
export const LEVEL_LABELS: Record<InstitutionLevel, string> = {
  LEVEL_3: "三级",
  LEVEL_2: "二级",
  LEVEL_1: "一级",
  UNRATED: "未定级",
};

export const INSTITUTION_TYPES = ["GENERAL", "TCM", "SPECIALTY", "PRIMARY", "OTHER"] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
export const TYPE_LABELS: Record<InstitutionType, string> = {
  GENERAL: "综合",
  TCM: "中医",
  SPECIALTY: "专科",
  PRIMARY: "基层",
  OTHER: "其他",
};

/** 国家医保定点医疗机构代码: H + 11 digits, the first six being the region's administrative code. */
export const INSTITUTION_CODE_PATTERN = /^H\d{11}$/;
export const REGION_CODE_PATTERN = /^\d{6}$/;

/** Accepts the code or the Chinese label (三级, 三甲 → 三级, 综合医院 → 综合…). */
export function parseLevel(raw: string): InstitutionLevel | undefined {
  const s = raw.trim().toUpperCase();
  if ((INSTITUTION_LEVELS as readonly string[]).includes(s)) return s as InstitutionLevel;
  if (/^(三级|三甲|三乙|三丙|3(?!\d))/.test(s)) return "LEVEL_3";
  if (/^(二级|二甲|二乙|二丙|2(?!\d))/.test(s)) return "LEVEL_2";
  if (/^(一级|一甲|一乙|一丙|1(?!\d))/.test(s)) return "LEVEL_1";
  if (/^(未定级|未评级|无)$/.test(s)) return "UNRATED";
  return undefined;
}

export function parseType(raw: string): InstitutionType | undefined {
  const s = raw.trim().toUpperCase();
  if ((INSTITUTION_TYPES as readonly string[]).includes(s)) return s as InstitutionType;
  for (const [code, label] of Object.entries(TYPE_LABELS)) if (s.startsWith(label)) return code as InstitutionType;
  if (/^(社区|乡镇|卫生院|村卫生室)/.test(s)) return "PRIMARY";
  return undefined;
}

/** The import file's columns, in order; the header may use the Chinese or the English names. */
export const IMPORT_COLUMNS = [
  { key: "code", zh: "机构编码", required: true },
  { key: "name", zh: "机构名称", required: true },
  { key: "regionCode", zh: "统筹区编码", required: true },
  { key: "level", zh: "医院等级", required: true },
  { key: "type", zh: "机构类别", required: true },
  { key: "district", zh: "所在区县", required: false },
  { key: "beds", zh: "床位数", required: false },
  { key: "designatedSince", zh: "定点起始日期", required: false },
  { key: "active", zh: "是否有效", required: false },
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]["key"];

export interface InstitutionRow {
  code: string;
  name: string;
  regionCode: string;
  level: InstitutionLevel;
  type: InstitutionType;
  district: string | null;
  beds: number | null;
  designatedSince: string | null;
  active: boolean;
}

/** What a page shows of an institution: the hospital's own card, a region's list. */
export type InstitutionSummary = Pick<InstitutionRow, "code" | "name" | "level" | "type" | "district" | "beds">;

export interface RowIssue {
  row: number;
  column: string;
  message: string;
}

/** Parses one data row (raw cell strings by column key). `row` is the 1-based line in the file. */
export function parseInstitutionRow(
  raw: Partial<Record<ImportColumnKey, string>>,
  row: number,
): { value?: InstitutionRow; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const cell = (k: ImportColumnKey) => (raw[k] ?? "").trim();
  const issue = (k: ImportColumnKey, message: string) => issues.push({ row, column: IMPORT_COLUMNS.find((c) => c.key === k)!.zh, message });

  for (const c of IMPORT_COLUMNS) if (c.required && !cell(c.key)) issue(c.key, "必填项为空");
  const name = cell("name");
  if (name && (name.length < 2 || name.length > 100)) issue("name", `机构名称应为 2–100 个字（现为 ${name.length} 个字）`);
  if (cell("district").length > 50) issue("district", "所在区县最多 50 个字");
  const code = cell("code").toUpperCase();
  if (code && !INSTITUTION_CODE_PATTERN.test(code)) issue("code", `“${code}”不是有效的机构编码（应为 H 加 11 位数字）`);
  const regionCode = cell("regionCode");
  if (regionCode && !REGION_CODE_PATTERN.test(regionCode)) issue("regionCode", `“${regionCode}”不是 6 位统筹区编码`);
  const level = cell("level") ? parseLevel(cell("level")) : undefined;
  if (cell("level") && !level) issue("level", `无法识别的医院等级“${cell("level")}”（可填 三级/二级/一级/未定级）`);
  const type = cell("type") ? parseType(cell("type")) : undefined;
  if (cell("type") && !type) issue("type", `无法识别的机构类别“${cell("type")}”（可填 综合/中医/专科/基层/其他）`);
  let beds: number | null = null;
  if (cell("beds")) {
    const digits = cell("beds").replace(/[,，\s]/g, "");
    beds = /^\d+$/.test(digits) ? Number(digits) : NaN;
    if (!Number.isInteger(beds) || beds < 0 || beds > 20000) issue("beds", `床位数“${cell("beds")}”应为 0–20000 的整数`);
  }
  let designatedSince: string | null = null;
  if (cell("designatedSince")) {
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(cell("designatedSince"));
    const d = m && +m[1] >= 1900 && +m[1] <= 2100 ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
    if (!d || d.getUTCMonth() !== +m![2] - 1) issue("designatedSince", `日期“${cell("designatedSince")}”无效（格式如 2019-07-01）`);
    else designatedSince = d.toISOString().slice(0, 10);
  }
  const activeRaw = cell("active");
  let active = true;
  if (activeRaw) {
    if (/^(是|有效|1|Y|YES|TRUE)$/i.test(activeRaw)) active = true;
    else if (/^(否|无效|停用|0|N|NO|FALSE)$/i.test(activeRaw)) active = false;
    else issue("active", `“${activeRaw}”应填 是 或 否`);
  }
  if (code && regionCode && INSTITUTION_CODE_PATTERN.test(code) && !code.startsWith("H" + regionCode))
    issue("code", `机构编码 ${code} 与统筹区编码 ${regionCode} 不一致（编码第 2–7 位应为统筹区编码）`);
  if (issues.length) return { issues };
  return {
    issues,
    value: {
      code,
      name,
      regionCode,
      level: level!,
      type: type!,
      district: cell("district") || null,
      beds,
      designatedSince,
      active,
    },
  };
}

/** Maps a header row to column keys; returns the unknown or missing headers as issues. */
export function mapImportHeader(header: string[]): { keys: (ImportColumnKey | undefined)[]; issues: RowIssue[] } {
  const norm = (s: string) =>
    s
      .replace(/^\uFEFF/, "")
      .replace(/[\s*＊]/g, "")
      .toLowerCase();
  const keys = header.map((h) => IMPORT_COLUMNS.find((c) => norm(h) === norm(c.zh) || norm(h) === c.key.toLowerCase())?.key);
  const issues: RowIssue[] = [];
  header.forEach((h, i) => {
    if (h.trim() && !keys[i]) issues.push({ row: 1, column: h, message: `无法识别的列“${h}”` });
    const key = keys[i];
    if (key && keys.indexOf(key) < i) {
      const zh = IMPORT_COLUMNS.find((c) => c.key === key)!.zh;
      issues.push({ row: 1, column: zh, message: `列“${zh}”重复出现` });
    }
  });
  for (const c of IMPORT_COLUMNS)
    if (c.required && !keys.includes(c.key)) issues.push({ row: 1, column: c.zh, message: `缺少必填列“${c.zh}”` });
  return { keys, issues };
}
