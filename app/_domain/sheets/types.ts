import type { Scheme } from "../catalogue";

/**
 * The contract between the sheet readers (xlsx template, long CSV, JSON API), the validator and the store.
 * Every reader turns its input into RawCells; the validator turns them into SheetValueRows plus a report.
 */

/** One cell as read, before its value is interpreted. */
export interface RawCell {
  indicatorCode: string;
  scheme: Scheme;
  /** null for a region-level value. */
  institutionCode: string | null;
  /** The cell text exactly as read ("" for blank). */
  raw: string;
  /** Where the user finds it: "区域表!D7", "机构表!F12", "第 12 行" (CSV) or "values[3]" (API). */
  location: string;
}

/** A value ready to store: a canonical decimal string, or null for missing (shown "—"). */
export interface SheetValueRow {
  indicatorCode: string;
  scheme: Scheme;
  institutionCode: string | null;
  value: string | null;
}

/** Values as parallel columns: the k-th elements make the k-th SheetValueRow (no object per value). */
export interface SheetColumns {
  indicatorCodes: readonly string[];
  schemes: readonly Scheme[];
  institutionCodes: readonly (string | null)[];
  values: readonly (string | null)[];
}

export type IssueSeverity = "ERROR" | "WARNING";

export interface SheetIssue {
  severity: IssueSeverity;
  /** A stable rule id, e.g. "value.not-a-number", "identity.total", "cross.ytd-decrease". */
  rule: string;
  location: string;
  indicatorCode?: string;
  scheme?: Scheme;
  institutionCode?: string;
  /** Plain Chinese for the data-group staff. */
  message: string;
}

export interface SheetReport {
  errors: SheetIssue[];
  warnings: SheetIssue[];
  counts: { cells: number; values: number; missing: number };
}

/** Accepted values of earlier sheets, keyed by cellKey(); null = reported as missing. */
export type PreviousValueMap = Map<string, string | null>;

export interface PreviousValues {
  /** The accepted sheet of the month before, same year (absent for January). */
  sameYearPrevMonth?: PreviousValueMap;
  /** The accepted December sheet of the previous year (rolling balances; January's month-on-month check). */
  prevDecember?: PreviousValueMap;
  /**
   * The accepted sheet two months back (for March: January; for January: the previous November). Only the
   * month-on-month check of FLOW values uses it, to compute the previous month's own month value.
   */
  monthBeforePrev?: PreviousValueMap;
}

/** A cumulative balance that rolls forward: balance = previous December's balance + (income − expenditure) YTD. */
export interface BalanceRule {
  scheme: Scheme;
  income: string;
  expenditure: string;
  balance: string;
}
