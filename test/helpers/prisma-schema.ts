import fs from "node:fs";

/**
 * A small reader of prisma/schema.prisma, enough to derive the PostgreSQL objects Prisma would create for it
 * (tables, columns with types and nullability, enums, unique and plain indexes, foreign keys). The drift test
 * compares them with a database built by our SQL migrations, since `prisma migrate diff` cannot run offline.
 */
export interface ExpectedSchema {
  columns: Map<string, string>; // "Table.column" → "type null|notnull"
  enums: Map<string, string[]>;
  indexes: Set<string>; // index names (pkey, key, idx)
  foreignKeys: Set<string>;
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp(3)",
  Json: "jsonb",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Bytes: "bytea",
};

export function readPrismaSchema(file = "prisma/schema.prisma"): ExpectedSchema {
  const text = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.replace(/\/\/.*$/, "").trim())
    .join("\n");
  const blocks = [...text.matchAll(/^(model|enum)\s+(\w+)\s*\{([^}]*)\}/gm)];
  const enums = new Map<string, string[]>();
  const models = new Set<string>();
  for (const [, kind, name, body] of blocks) {
    if (kind === "enum") enums.set(name, body.split(/\s+/).filter(Boolean));
    else models.add(name);
  }
  const columns = new Map<string, string>();
  const indexes = new Set<string>();
  const foreignKeys = new Set<string>();
  for (const [, kind, model, body] of blocks) {
    if (kind !== "model") continue;
    for (const line of body.split("\n").filter(Boolean)) {
      if (line.startsWith("@@")) {
        const m = /^@@(index|unique|id)\(\[([^\]]+)\]/.exec(line);
        if (!m) continue;
        const cols = m[2].split(",").map((s) => s.trim());
        indexes.add(m[1] === "id" ? `${model}_pkey` : `${model}_${cols.join("_")}_${m[1] === "unique" ? "key" : "idx"}`);
        continue;
      }
      const [field, typeRaw, ...attrs] = line.split(/\s+/);
      const rest = attrs.join(" ");
      const base = typeRaw.replace(/[?[\]]/g, "");
      if (models.has(base)) {
        const fk = /@relation\([^)]*fields:\s*\[([^\]]+)\]/.exec(rest);
        if (fk)
          foreignKeys.add(
            `${model}_${fk[1]
              .split(",")
              .map((s) => s.trim())
              .join("_")}_fkey`,
          );
        continue;
      }
      const list = typeRaw.endsWith("[]");
      const optional = typeRaw.endsWith("?");
      let type = enums.has(base) ? base : SCALAR_TYPES[base];
      if (!type) throw new Error(`unsupported type ${typeRaw} in ${model}.${field}`);
      const db = /@db\.(\w+)(?:\(([^)]*)\))?/.exec(rest);
      if (db)
        type =
          db[1] === "Date"
            ? "date"
            : db[1] === "VarChar"
              ? `varchar(${db[2]})`
              : db[1] === "Decimal"
                ? `numeric(${db[2].replace(/\s/g, "")})`
                : db[1].toLowerCase();
      // PostgreSQL does not report an array element's precision (information_schema says "numeric[]").
      if (list) type = type.replace(/\(.*\)$/, "") + "[]";
      columns.set(`${model}.${field}`, `${type} ${optional || list ? "null" : "notnull"}`);
      if (/@id\b/.test(rest)) indexes.add(`${model}_pkey`);
      if (/@unique\b/.test(rest)) indexes.add(`${model}_${field}_key`);
    }
  }
  return { columns, enums, indexes, foreignKeys };
}
