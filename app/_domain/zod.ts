import { z } from "zod";

/**
 * The one place the app imports zod from (test/unit/zod-chinese.test.ts checks that no file imports "zod"
 * directly): importing it installs Chinese messages for every check a schema does not word itself, so a user
 * never reads "Invalid input: expected string, received undefined" (issue 16, finding 5). Schemas still
 * give their own wording where a field deserves it.
 */
const KIND: Record<string, string> = {
  string: "文字",
  number: "数字",
  int: "整数",
  boolean: "是或否",
  array: "列表",
  object: "表单",
  date: "日期",
  bigint: "整数",
};

export function chineseMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null
        ? "此项为必填项，请填写。"
        : `格式不正确，应为${KIND[issue.expected] ?? "有效的值"}。`;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "此项为必填项，请填写。" : `至少需要 ${issue.minimum} 个字符。`;
      if (issue.origin === "array" || issue.origin === "set") return `至少需要选择 ${issue.minimum} 项。`;
      return `不能小于 ${issue.minimum}。`;
    case "too_big":
      if (issue.origin === "string") return `不能超过 ${issue.maximum} 个字符。`;
      if (issue.origin === "array" || issue.origin === "set") return `最多只能选择 ${issue.maximum} 项。`;
      return `不能大于 ${issue.maximum}。`;
    case "invalid_value":
      return "请选择列表中的有效选项。";
    case "invalid_format":
      return "格式不正确，请检查后重新填写。";
    case "not_multiple_of":
      return `应为 ${issue.divisor} 的整数倍。`;
    case "unrecognized_keys":
      return "提交的内容包含无法识别的字段。";
    default:
      return "输入内容无效，请检查后重新填写。";
  }
}

z.config({ localeError: chineseMessage });

export { z };
