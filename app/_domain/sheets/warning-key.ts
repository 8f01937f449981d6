import type { SheetIssue } from "@/app/_domain/sheets/types";

/** Identifies a warning across re-uploads of the same file, so its explanation can be matched to it. */
export const warningKey = (w: Pick<SheetIssue, "rule" | "location" | "indicatorCode" | "scheme" | "institutionCode">) =>
  [w.rule, w.location, w.indicatorCode ?? "", w.scheme ?? "", w.institutionCode ?? ""].join("|");
