import { randomUUID } from "node:crypto";

/**
 * Large text parameters of raw statements, passed to the database driver past Prisma. Prisma turns the
 * parameters of `$executeRaw` into one JSON text and parses it back before it hands them to the driver adapter;
 * for the 22 MB of parts a release freezes that round trip cost 0.5–0.6 s of CPU. `withLargeText` registers a
 * text under a token (a short string); the statement is given the token as its parameter, goes through Prisma
 * and its transaction as any other, and the adapter (`passingLargeTexts`, installed by open.ts on every Prisma
 * client) puts the text back in place of the token just before the driver sends the statement.
 *
 * The text goes to the driver as its UTF-8 bytes, which both drivers send as they are, in PostgreSQL's binary
 * format — for a text parameter, exactly those bytes. PGlite would otherwise measure and encode the string in
 * JavaScript a character at a time, twice (open.ts lets its text serializers pass bytes through). A token must
 * therefore stand for a text (or varchar) parameter: PGlite refuses bytes for any other type but bytea.
 *
 * A token starts with a NUL character, which PostgreSQL never accepts in text: should a token ever reach the
 * database unreplaced (an adapter without `passingLargeTexts`, a token used after its callback), the statement
 * fails instead of storing the token.
 */

// On globalThis: Next bundles server code into several chunks, and the adapter (opened once) and the code that
// registers a text may be in different ones.
const KEY = Symbol.for("liangdi.largeTexts");
const g = globalThis as unknown as { [KEY]?: Map<string, Buffer> };
const texts = (g[KEY] ??= new Map<string, Buffer>());

const PREFIX = "\u0000liangdi-large-text:";

/**
 * A large text: one string, or the pieces it is the concatenation of — encoded piece by piece, never joined into
 * one string (joining megabytes costs V8 several times what encoding them does).
 */
export type LargeText = string | readonly string[];

/**
 * Runs `run` with a token standing for `text` in the parameters of raw statements; the token is void after. The
 * text is encoded to UTF-8 here, once.
 */
export async function withLargeText<T>(text: LargeText, run: (token: string) => Promise<T>): Promise<T> {
  return withLargeTexts([text], ([token]) => run(token!));
}

/** The same for several texts at once: a token for each, in order. */
export async function withLargeTexts<T>(list: readonly LargeText[], run: (tokens: string[]) => Promise<T>): Promise<T> {
  const tokens = list.map((text) => {
    const token = PREFIX + randomUUID();
    texts.set(token, utf8(text));
    return token;
  });
  try {
    return await run(tokens);
  } finally {
    for (const token of tokens) texts.delete(token);
  }
}

function utf8(text: LargeText): Buffer {
  if (typeof text === "string") return Buffer.from(text, "utf8");
  let size = 0;
  for (const piece of text) size += Buffer.byteLength(piece, "utf8");
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for (const piece of text) at += bytes.write(piece, at, "utf8");
  return bytes;
}

interface SqlQuery {
  sql: string;
  args: unknown[];
}
interface Queryable {
  queryRaw(query: SqlQuery): Promise<unknown>;
  executeRaw(query: SqlQuery): Promise<number>;
}
interface Adapter extends Queryable {
  startTransaction(...args: never[]): Promise<Queryable>;
}

/** The query with each registered token among its arguments replaced by its text's UTF-8 bytes (the same query without any). */
function withTexts<Q extends SqlQuery>(query: Q): Q {
  let args: unknown[] | undefined;
  for (let i = 0; i < query.args.length; i++) {
    const arg = query.args[i];
    if (typeof arg !== "string" || !arg.startsWith(PREFIX)) continue;
    const text = texts.get(arg);
    if (text === undefined) continue;
    (args ??= [...query.args])[i] = text;
  }
  return args ? { ...query, args } : query;
}

function passing<T extends Queryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.queryRaw = (query) => queryRaw(withTexts(query));
  queryable.executeRaw = (query) => executeRaw(withTexts(query));
  return queryable;
}

/**
 * A Prisma driver adapter factory whose connections and transactions pass the texts of `withLargeText` tokens
 * to the driver (patched in place: the factory is returned).
 */
export function passingLargeTexts<F extends { connect(): Promise<unknown> }>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = passing((await connect()) as Adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => passing(await startTransaction(...args));
    return adapter;
  };
  return factory;
}
