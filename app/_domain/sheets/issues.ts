import type { SheetIssue } from "./types";

/**
 * Reader rules that mean the file is not a base sheet at all (another workbook, another CSV): the validator
 * says nothing more, since region, period and every value would only repeat the same problem.
 */
export const WRONG_FILE_RULES: ReadonlySet<string> = new Set(["template.meta", "csv.header", "csv.unclosed-quote", "csv.too-many-rows"]);

/** More issues than this per rule are counted, not listed: a report of 100,000 identical lines helps nobody. */
export const DEFAULT_MAX_ISSUES_PER_RULE = 1000;

/**
 * Collects issues in the order found, keeping at most maxPerRule of each rule and severity; list() ends
 * with one summary issue per rule that overflowed ("另有 N 处同类问题未逐条列出").
 */
export class IssueList {
  private readonly items: SheetIssue[] = [];
  private readonly counts = new Map<string, number>();
  constructor(private readonly maxPerRule = DEFAULT_MAX_ISSUES_PER_RULE) {}

  add(issue: SheetIssue): void {
    const key = `${issue.severity}|${issue.rule}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (n <= this.maxPerRule) this.items.push(issue);
  }

  list(): SheetIssue[] {
    const out = [...this.items];
    for (const [key, n] of this.counts) {
      if (n <= this.maxPerRule) continue;
      const [severity, rule] = key.split("|") as [SheetIssue["severity"], string];
      out.push({ severity, rule, location: "全表", message: `另有 ${n - this.maxPerRule} 处同类问题（${rule}）未逐条列出。` });
    }
    return out;
  }
}
