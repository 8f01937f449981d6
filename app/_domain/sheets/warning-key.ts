import type { SheetIssue } from "@/app/_domain/sheets/types";

/** Identifies a warning across re-uploads of the same file, so its explanation can be matched to it. */
export const warningKey = (w: Pick<SheetIssue, "rule" | "location" | "indicatorCode" | "scheme" | "institutionCode">) =>
  [w.rule, w.location, w.indicatorCode ?? "", w.scheme ?? "", w.institutionCode ?? ""].join("|");

/** The shortest explanation of a warning the upload accepts (the form checks the same). */
export const MIN_EXPLANATION_LENGTH = 4;
