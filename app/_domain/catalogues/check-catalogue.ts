import { SCHEME_LABELS, type IndicatorDef } from "../catalogue";
import { checkFormulas, type FormulaIssue } from "../formula/check";
import { formatFormula } from "../formula/format";
import { parseFormula } from "../formula/parser";
import { referencesOf } from "../formula/references";

/**
 * Catalogue-level checks of derived indicators, shared by the built-in catalogue's unit test, the catalogue
 * import and the local-indicator form: the formula engine's own checks (syntax with position, unknown
 * indicators, same-period cycles), plus scheme availability. A derived indicator is computed once per scheme
 * it has, and an unqualified reference reads the same scheme (RefNode.scheme = null), so FI05 (合计 only)
 * must write FI03.EMPLOYEE: FI03 has no 合计 value. An argument of BY_SCHEME(…) is read for one scheme only, so
 * BY_SCHEME(FE01, FE02, FE03) needs FE01 in 职工 alone. And a region-level formula cannot read an
 * institution-level indicator: there is one value per hospital and the language has no aggregate over hospitals.
 */

type FormulaDef = Pick<IndicatorDef, "code" | "formula" | "schemes"> & { scope?: IndicatorDef["scope"] };

export function checkCatalogueFormulas(defs: readonly FormulaDef[], context: readonly FormulaDef[] = []): FormulaIssue[] {
  const issues = checkFormulas(
    defs.map((d) => ({ code: d.code, formula: d.formula })),
    new Set(context.map((c) => c.code)),
  );
  const schemesOf = new Map<string, readonly string[]>();
  const scopeOf = new Map<string, string | undefined>();
  for (const d of [...context, ...defs]) {
    schemesOf.set(d.code, d.schemes);
    scopeOf.set(d.code, d.scope);
  }
  for (const d of defs) {
    if (d.formula === null) continue;
    const parsed = parseFormula(d.formula);
    if (!parsed.ok) continue; // already reported by checkFormulas
    const reported = new Set<string>();
    for (const ref of referencesOf(parsed.ast)) {
      const available = schemesOf.get(ref.code);
      if (!available) continue; // unknown: already reported
      const label = `${ref.code}${ref.scheme ? "." + ref.scheme : ""}`;
      if (reported.has(label)) continue;
      if (d.scope === "REGION" && scopeOf.get(ref.code) === "INSTITUTION") {
        reported.add(label);
        issues.push({
          code: d.code,
          message: `统筹区指标不能引用医疗机构层级指标 ${ref.code}（每家机构一个数值）`,
          position: ref.position,
        });
      } else if (ref.scheme && !available.includes(ref.scheme)) {
        reported.add(label);
        issues.push({ code: d.code, message: `指标 ${ref.code} 没有“${SCHEME_LABELS[ref.scheme]}”险种的数值`, position: ref.position });
      } else if (!ref.scheme) {
        // Inside BY_SCHEME(…) a reference is read for one scheme only (ref.onlyFor).
        const missing = d.schemes.filter((s) => !available.includes(s) && (ref.onlyFor === null || ref.onlyFor.includes(s)));
        if (missing.length) {
          reported.add(label);
          const hint = available.map((s) => `${ref.code}.${s}`).join("、");
          issues.push({
            code: d.code,
            message: `指标 ${ref.code} 没有“${missing.map((s) => SCHEME_LABELS[s]).join("、")}”险种的数值，而本指标按该险种计算；请写成限定险种的形式（${hint}）或调整本指标的险种`,
            position: ref.position,
          });
        }
      }
    }
  }
  const rank = new Map(defs.map((d, i) => [d.code, i] as const));
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (rank.get(a.issue.code) ?? 0) - (rank.get(b.issue.code) ?? 0) || a.i - b.i)
    .map((x) => x.issue);
}

/** The message of a formula issue with its position for people ("第 N 个字符"), unless it already says where. */
export function describeFormulaIssue(issue: Pick<FormulaIssue, "message" | "position">): string {
  return /第 \d+ 个字符/.test(issue.message) || /^循环引用/.test(issue.message)
    ? issue.message
    : `${issue.message}（第 ${issue.position + 1} 个字符处）`;
}

/** The canonical text of a formula (spacing, full-width characters typed with a Chinese IME), or null if it does not parse. */
export function canonicalFormula(text: string): string | null {
  const parsed = parseFormula(text);
  return parsed.ok ? formatFormula(parsed.ast) : null;
}
