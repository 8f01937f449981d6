import { parseFormula } from "./parser";
import { referencesOf } from "./references";

/** A problem with one indicator's formula; position is the 0-based offset in that formula's text. */
export interface FormulaIssue {
  code: string;
  message: string;
  position: number;
}

interface Edge {
  to: string;
  position: number;
}

/**
 * Checks a catalogue's formulas together, as a catalogue editor or import needs before saving:
 * syntax errors, references to indicators that do not exist, and same-period circular definitions
 * (which would never finish computing). Codes of the defs themselves count as known.
 * References only under PREV_YEAR / PREV_MONTH read an earlier period and never form a cycle.
 * Issues come in the order of defs; an indicator in a cycle gets the cycle written from itself.
 */
export function checkFormulas(defs: { code: string; formula: string | null }[], knownCodes: Set<string>): FormulaIssue[] {
  const issues: FormulaIssue[] = [];
  const known = new Set([...knownCodes, ...defs.map((d) => d.code)]);
  const graph = new Map<string, Edge[]>();
  const order: string[] = [];

  for (const def of defs) {
    if (def.formula === null) continue;
    if (graph.has(def.code)) {
      issues.push({ code: def.code, message: `指标 ${def.code} 的公式重复定义`, position: 0 });
      continue;
    }
    const parsed = parseFormula(def.formula);
    if (!parsed.ok) {
      issues.push({ code: def.code, ...parsed.error });
      continue;
    }
    const edges: Edge[] = [];
    const reported = new Set<string>();
    for (const ref of referencesOf(parsed.ast)) {
      if (!known.has(ref.code)) {
        if (!reported.has(ref.code)) issues.push({ code: def.code, message: `未知指标 ${ref.code}`, position: ref.position });
        reported.add(ref.code);
      } else if (!ref.lagged && !edges.some((e) => e.to === ref.code)) {
        edges.push({ to: ref.code, position: ref.position });
      }
    }
    graph.set(def.code, edges);
    order.push(def.code);
  }

  for (const component of cyclicComponents(graph, order)) {
    for (const start of order.filter((c) => component.has(c))) {
      const cycle = shortestCycle(graph, component, start);
      const first = graph.get(start)!.find((e) => e.to === cycle[1])!;
      issues.push({ code: start, message: `循环引用：${cycle.join(" → ")}`, position: first.position });
    }
  }
  return sortByDefs(issues, defs);
}

/** Strongly connected components that contain a cycle (size > 1, or a node referring to itself); Tarjan. */
function cyclicComponents(graph: Map<string, Edge[]>, order: string[]): Set<string>[] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: Set<string>[] = [];

  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const { to } of graph.get(v) ?? []) {
      if (!graph.has(to)) continue; // an input indicator: no outgoing edges
      if (!index.has(to)) {
        visit(to);
        low.set(v, Math.min(low.get(v)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(v, Math.min(low.get(v)!, index.get(to)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component = new Set<string>();
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.add(w);
      } while (w !== v);
      const selfLoop = graph.get(v)!.some((e) => e.to === v);
      if (component.size > 1 || selfLoop) result.push(component);
    }
  };
  for (const v of order) if (!index.has(v)) visit(v);
  return result;
}

/** The shortest path start → … → start inside one component (breadth-first, edges in formula order). */
function shortestCycle(graph: Map<string, Edge[]>, component: Set<string>, start: string): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const { to } of graph.get(v)!) {
      if (!component.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let w = v; w !== start; w = parent.get(w)!) path.unshift(w);
        path.unshift(start);
        return path;
      }
      if (!parent.has(to)) {
        parent.set(to, v);
        queue.push(to);
      }
    }
  }
  return [start, start]; // unreachable: every member of a cyclic component lies on a cycle
}

function sortByDefs(issues: FormulaIssue[], defs: { code: string }[]): FormulaIssue[] {
  const rank = new Map<string, number>();
  defs.forEach((d, i) => rank.has(d.code) || rank.set(d.code, i));
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => rank.get(a.issue.code)! - rank.get(b.issue.code)! || a.i - b.i)
    .map((x) => x.issue);
}
