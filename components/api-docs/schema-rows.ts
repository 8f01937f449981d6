/**
 * A JSON Schema (as the OpenAPI description carries it) as rows of a field table: one row per field, its path
 * (`sheets[].versions[].id`), type in words a Chinese integrator reads, whether required, and its description.
 * Pure: the /api-docs page runs it on the server.
 */

export type JsonSchema = { [key: string]: unknown };
export interface FieldRow {
  key: string;
  name: string;
  type: string;
  required: boolean;
  description: string;
}

const asSchema = (v: unknown) => (v && typeof v === "object" ? (v as JsonSchema) : {});
const variants = (s: JsonSchema) => ((s.anyOf ?? s.oneOf) as JsonSchema[] | undefined)?.map(asSchema);

/** The type of a schema in one short phrase: `string`, `integer | null`, `"ACCEPT" | "REJECT"`, `object[]`. */
export function typeLabel(s: JsonSchema, refName = (ref: string) => ref.split("/").pop()!): string {
  if (typeof s.$ref === "string") return refName(s.$ref);
  if ("const" in s) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  const union = variants(s);
  if (union) {
    // One small object among plain types (a suppressed number) reads best spelled out; several are "object".
    const spell = union.filter((v) => v.type === "object").length === 1;
    const label = (v: JsonSchema) =>
      spell && v.type === "object" && v.properties ? `{ ${Object.keys(asSchema(v.properties)).join(", ")} }` : typeLabel(v, refName);
    return [...new Set(union.map(label))].join(" | ");
  }
  if (s.type === "array")
    return s.prefixItems
      ? `[${(s.prefixItems as JsonSchema[]).map((v) => typeLabel(v, refName)).join(", ")}]`
      : `${typeLabel(asSchema(s.items), refName)}[]`;
  if (s.type === "object" && !s.properties && s.additionalProperties && typeof s.additionalProperties === "object")
    return `{ [键]: ${typeLabel(asSchema(s.additionalProperties), refName)} }`;
  if (Array.isArray(s.type)) return s.type.join(" | ");
  if (s.contentMediaType && s.type === "string") return "文件";
  return typeof s.type === "string" ? s.type : "任意";
}

/** Limits and defaults in words (最多 20 字符, 1–999999, 缺省 ""). */
export function constraints(s: JsonSchema): string {
  const out: string[] = [];
  if (s.minLength !== undefined && Number(s.minLength) > 1) out.push(`至少 ${s.minLength} 字符`);
  if (s.maxLength !== undefined) out.push(`最多 ${s.maxLength} 字符`);
  // zod's int() says "a safe integer" with these bounds: not worth a reader's attention.
  const min = s.minimum === Number.MIN_SAFE_INTEGER ? undefined : s.minimum;
  const max = s.maximum === Number.MAX_SAFE_INTEGER ? undefined : s.maximum;
  if (min !== undefined || max !== undefined) out.push(`${min ?? ""}–${max ?? ""}`);
  if (s.maxItems !== undefined) out.push(`最多 ${s.maxItems} 项`);
  if (s.default !== undefined) out.push(`缺省 ${JSON.stringify(s.default)}`);
  return out.join("；");
}

/** What nests below a field: its object (also inside `T | null` or `T[]`), or the variants of a union of objects. */
function children(s: JsonSchema): { suffix: string; objects: JsonSchema[] } | null {
  const union = variants(s)?.filter((v) => v.type !== "null");
  if (union?.length === 1) return children(union[0]);
  if (union && union.every((v) => v.type === "object" && v.properties)) return { suffix: "", objects: union };
  if (s.type === "array" && !s.prefixItems) {
    const inner = children(asSchema(s.items));
    return inner && { suffix: `[]${inner.suffix}`, objects: inner.objects };
  }
  if (s.type === "object" && s.properties) return { suffix: "", objects: [s] };
  return null;
}

/** The discriminating constant of a variant (`kind = "TREND"`), to say which fields belong to which case. */
function caseOf(s: JsonSchema): string | null {
  for (const [name, p] of Object.entries(asSchema(s.properties)))
    if ("const" in asSchema(p)) return `${name} = ${JSON.stringify(asSchema(p).const)}`;
  return null;
}

/**
 * The rows of an object's fields, nested fields by path. A structure met again (a panel's `indicator`, a
 * `figure`) is not spelled out twice: its row says where it was (`同 cards[].indicator`).
 */
export function fieldRows(schema: JsonSchema, prefix = "", note = "", seen = new Map<string, string>()): FieldRow[] {
  const rows: FieldRow[] = [];
  const properties = asSchema(schema.properties);
  const required = new Set((schema.required as string[] | undefined) ?? []);
  for (const [name, raw] of Object.entries(properties)) {
    const s = asSchema(raw);
    const path = prefix + name;
    const description = [note, s.description as string | undefined, constraints(s)].filter(Boolean).join("；");
    rows.push({ key: `${path}|${note}`, name: path, type: typeLabel(s), required: required.has(name), description });
    const nested = children(s);
    if (!nested) continue;
    const shape = JSON.stringify(nested.objects);
    const first = seen.get(shape);
    if (first) {
      rows[rows.length - 1].description = [rows[rows.length - 1].description, `结构同 ${first}`].filter(Boolean).join("；");
      continue;
    }
    if (shape.length > 200) seen.set(shape, path);
    const many = nested.objects.length > 1;
    for (const o of nested.objects)
      rows.push(...fieldRows(o, `${path}${nested.suffix}.`, many ? `（${caseOf(o) ?? "情形之一"} 时）` : note, seen));
  }
  return rows;
}

/** A body's rows; a union of objects (e.g. the upload's answers) case by case, each headed by what it means. */
export function bodyRows(schema: JsonSchema): FieldRow[] {
  const union = variants(schema);
  const seen = new Map<string, string>();
  if (!union || !union.every((v) => v.type === "object")) return fieldRows(schema, "", "", seen);
  return union.flatMap((v, i) => [
    {
      key: `case${i}`,
      name: `情形 ${i + 1}`,
      type: "object",
      required: false,
      description: (v.description as string | undefined) ?? caseOf(v) ?? "",
    },
    ...fieldRows(v, "", `情形 ${i + 1}`, seen),
  ]);
}
