/**
 * JSON with object keys sorted at every depth: the same value always gives the same text (for hashes) — the text
 * of JSON.stringify over a copy of the value whose objects have their keys inserted in sorted order. Plain data
 * (objects, arrays, strings, numbers, booleans, null) is written directly, without building that copy (a
 * publication's 5,000 parts: a fraction of the time and of the garbage); anything else (a Date, a class
 * instance, an object with its own toJSON) through the copy.
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

function write(v: unknown): string | undefined {
  if (v === null || typeof v !== "object") return JSON.stringify(v); // undefined for undefined and functions
  if (Array.isArray(v)) {
    let out = "[";
    for (let i = 0; i < v.length; i++) out += (i ? "," : "") + (write(v[i]) ?? "null");
    return out + "]";
  }
  const proto = Object.getPrototypeOf(v);
  if ((proto !== Object.prototype && proto !== null) || Object.hasOwn(v, "toJSON")) return JSON.stringify(sortKeys(v));
  const keys = Object.keys(v).sort();
  // An object built with sorted keys still lists array-index keys ("0", "17") first, by number.
  if (keys.some(isIndex)) keys.sort((a, b) => (isIndex(a) ? (isIndex(b) ? Number(a) - Number(b) : -1) : isIndex(b) ? 1 : 0));
  let out = "{";
  for (const k of keys) {
    const text = write((v as Record<string, unknown>)[k]);
    if (text !== undefined) out += (out.length > 1 ? "," : "") + JSON.stringify(k) + ":" + text; // JSON leaves out undefined
  }
  return out + "}";
}

const INDEX = /^(?:0|[1-9]\d{0,9})$/;
const isIndex = (k: string) => INDEX.test(k) && Number(k) < 4294967295;

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object" && !(v instanceof Date))
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  return v;
}
