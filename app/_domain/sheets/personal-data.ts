/**
 * The platform publishes aggregates only and never receives personal data (个人信息). A sheet file whose
 * column headers look like personal data is refused as a whole, before any of it is stored.
 */

/** Applied to a header with spaces, underscores and hyphens removed, lower case. */
const PATTERNS: RegExp[] = [
  /身份证/,
  /证件(号|编号|号码)/,
  /姓名/,
  /^(患者|病人|参保人|就诊人)$/,
  /(患者|病人|参保人|就诊人|个人)(姓名|名字|编号|编码|号|id|信息|身份)/,
  /手机/,
  /电话/,
  /住址|家庭地址|居住地址|联系地址|户籍地址/,
  /(医保|社保|就诊|诊疗|银行)卡号/,
  /^(医保卡|社保卡|就诊卡)$/,
  /病历号|病案号|住院号|门诊号/,
  /出生日期|生日/,
  /(^|[^a-z])(idcard|idno|idnumber|identitycard|identitynumber|nationalid|citizenid)($|[^a-z])/,
  /^(name|fullname|patient|address|birthday|birthdate|ssn|email)$/,
  /^(patient|person|insured|member)(name|id|no|number)$/,
  /^(phone|mobile|tel|telephone|cellphone)(no|number)?$/,
];

const normalise = (h: string) => h.replace(/[\s\u3000\u00a0\ufeff_\-－.·*＊:：]/g, "").toLowerCase();

/** The headers (as given, trimmed) that look like personal data, in order and without repeats. */
export function personalDataHeaders(headers: readonly string[]): string[] {
  const found: string[] = [];
  for (const h of headers) {
    const text = String(h ?? "").trim();
    if (!text || found.includes(text)) continue;
    const n = normalise(text);
    if (PATTERNS.some((p) => p.test(n))) found.push(text);
  }
  return found;
}

export const PERSONAL_DATA_RULE = "personal-data.column";

/** The message readers attach to each such header. */
export const personalDataMessage = (header: string, where: string) =>
  `疑似个人信息列“${header}”（${where}），平台不接收个人信息。请删除该列及其数据后重新上传。`;
