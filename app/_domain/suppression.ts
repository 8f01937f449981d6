/**
 * Small-cell suppression (docs/product.md §5; reference LAW-03, PIPL §73, GB/T 37964): a count of persons below the
 * threshold k could identify them, so it is never shown; it reads "<k" (or "*"). Complementary suppression
 * hides further cells so that a hidden cell cannot be recomputed from its row or column total minus the
 * visible cells. One implementation, pure, for the screen, the PDF and the exports alike.
 *
 * k is a bureau policy decision: the default is the reference's placeholder 5; a deployment sets
 * LIANGDI_SMALL_CELL_THRESHOLD (read by app/_server/env.ts and passed in here).
 */
export const DEFAULT_SMALL_CELL_THRESHOLD = 5;

/** Units whose values count persons (人) or person-visits (人次): the ones suppression applies to. */
export const PERSON_COUNT_UNITS: ReadonlySet<string> = new Set(["人", "人次", "例", "户"]);
export const isPersonCountUnit = (unit: string) => PERSON_COUNT_UNITS.has(unit);

export interface SuppressionOptions {
  /** k: counts 1 … k−1 are suppressed (default 5). */
  threshold?: number;
  /** How a suppressed cell reads: "<k" (default, e.g. "<5") or "*". */
  marker?: "less-than" | "asterisk";
  /** Suppress zero as well (off by default: an empty cell identifies nobody). */
  suppressZero?: boolean;
}

type Count = number | string | null | undefined;

function threshold(o: SuppressionOptions): number {
  const k = o.threshold ?? DEFAULT_SMALL_CELL_THRESHOLD;
  return Number.isFinite(k) && k >= 1 ? Math.floor(k) : DEFAULT_SMALL_CELL_THRESHOLD;
}

const toNumber = (v: Count): number | null => {
  if (v === null || v === undefined || v === "") return null;
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};

/** True when the count must not be shown (primary suppression). Missing values are not suppressed, just missing. */
export function isSmallCount(value: Count, options: SuppressionOptions = {}): boolean {
  const n = toNumber(value);
  if (n === null) return false;
  if (n === 0) return !!options.suppressZero;
  return n > 0 && n < threshold(options);
}

/** The text shown in place of a suppressed count. */
export function suppressionMarker(options: SuppressionOptions = {}): string {
  return options.marker === "asterisk" ? "*" : `<${threshold(options)}`;
}

/**
 * A count as displayed: the marker when suppressed (by itself, or by `forced` from suppressCells), "—" when
 * missing, otherwise `format(value)`.
 */
export function displayCount(
  value: Count,
  options: SuppressionOptions & { format?: (v: number | string) => string; forced?: boolean } = {},
): string {
  if (value === null || value === undefined || value === "") return "—";
  if (options.forced || isSmallCount(value, options)) return suppressionMarker(options);
  return options.format ? options.format(value) : String(value);
}

/**
 * Which cells of a table (rows × columns of counts; null = no value) are hidden: every small count (primary),
 * plus, in any row or column left with exactly one hidden cell, the smallest other visible count
 * (complementary), repeated until stable. Then no hidden cell equals a published total minus visible cells.
 * Returns the mask (true = hide) and the rows/columns where a single hidden cell had no partner to hide with
 * it: their totals must not be published either.
 */
export function suppressCells(cells: readonly (readonly Count[])[], options: SuppressionOptions = {}) {
  const values = cells.map((row) => row.map(toNumber));
  const hide = values.map((row) => row.map((v) => isSmallCount(v, options)));
  const width = Math.max(0, ...values.map((r) => r.length));
  const lines: { r: number; c: number }[][] = [
    ...values.map((row, r) => row.map((_, c) => ({ r, c }))),
    ...Array.from({ length: width }, (_, c) => values.flatMap((row, r) => (c < row.length ? [{ r, c }] : []))),
  ];
  const exposedLines = new Set<number>();
  for (let changed = true; changed;) {
    changed = false;
    exposedLines.clear();
    lines.forEach((line, i) => {
      if (line.filter(({ r, c }) => hide[r][c]).length !== 1) return;
      // Zeros are not partners: hiding a zero hides nothing a subtraction needs.
      const partners = line.filter(({ r, c }) => !hide[r][c] && values[r][c] !== null && values[r][c] !== 0);
      if (partners.length === 0) {
        exposedLines.add(i);
        return;
      }
      const best = partners.reduce((a, b) => (values[b.r][b.c]! < values[a.r][a.c]! ? b : a));
      hide[best.r][best.c] = true;
      changed = true;
    });
  }
  const rows = [...exposedLines].filter((i) => i < values.length);
  const columns = [...exposedLines].filter((i) => i >= values.length).map((i) => i - values.length);
  return { hide, totalsToWithhold: { rows, columns } };
}
