import { PGlite, types, type ParserOptions, type QueryOptions, type Results } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { lockDataDir } from "./data-dir-lock";
import { passingLargeTexts } from "./large-text";
import type { SqlConnection } from "./sql";

export type DbKind = "pglite" | "postgres";

export interface OpenDatabase {
  kind: DbKind;
  prisma: PrismaClient;
  /** Runs `fn` on one dedicated session (migrations, advisory locks, scripts). */
  withConnection<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T>;
  /**
   * Embedded database only: the whole data directory as a gzipped tar, consistent while the portal runs
   * (taken with every other transaction held off, after a CHECKPOINT); `npm run db:restore -- FILE` reads it.
   */
  dumpDataDir?(): Promise<Buffer>;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  return target.kind === "postgres" ? openPostgres(target.url) : openPglite(target.dataDir);
}

async function openPglite(dataDir: string): Promise<OpenDatabase> {
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : lockDataDir(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(inMemory ? dataDir : dataDir + "/pgdata");
  } catch (e) {
    release();
    throw e;
  }
  return wrapPglite(db, release);
}

/** An open PGlite instance as an OpenDatabase (tests use it on clones of a migrated template). */
export function wrapPglite(db: PGlite, release: () => void = () => {}): OpenDatabase {
  passTextBytes(db);
  const queryOwn = adoptAdapterParsers(db);
  const conn: SqlConnection = {
    query: async <T>(sql: string, params?: unknown[]) => (await queryOwn<T>(sql, params)).rows,
    exec: async (sql) => {
      await db.exec(sql);
    },
  };
  // One session: a transaction waits its turn behind the others, and behind a backup (dumpDataDir below holds
  // the transaction lock while the files are read, a few seconds): wait up to 30 s instead of Prisma's 2 s.
  const prisma = new PrismaClient({ adapter: passingLargeTexts(new PrismaPGlite(db)), transactionOptions: { maxWait: 30_000 } });
  return {
    kind: "pglite",
    prisma,
    // PGlite is a single session already; its own mutex serialises callers.
    withConnection: (fn) => fn(conn),
    // The transaction holds PGlite's transaction mutex, so no other transaction is half-way through while
    // the files are read; dumpDataDir itself holds the query mutex.
    dumpDataDir: () =>
      db.transaction(async (tx) => {
        await tx.exec("CHECKPOINT");
        return Buffer.from(await (await db.dumpDataDir("gzip")).arrayBuffer());
      }),
    async close() {
      await prisma.$disconnect();
      await db.close();
      release();
    },
  };
}

/**
 * Text parameters given as UTF-8 bytes (large-text.ts) are sent as they are, in the binary format (for text the
 * bytes themselves), instead of PGlite's serializer turning them into a string of numbers. Bytes for a parameter of
 * any other type but bytea are refused, so that they are never stored as something else.
 */
function passTextBytes(db: PGlite): void {
  const textual = new Set<number>([types.TEXT, types.VARCHAR, types.BPCHAR]);
  for (const [oid, serialize] of Object.entries(db.serializers)) {
    if (Number(oid) === types.BYTEA) continue;
    db.serializers[oid] = (x: unknown) => {
      if (!(x instanceof Uint8Array)) return serialize(x);
      if (textual.has(Number(oid))) return x as unknown as string; // sent in the binary format (PGlite's protocol writer)
      throw new Error(`字节参数只能用于文本或 bytea 类型（类型 ${oid}）`);
    };
  }
}

/**
 * pglite-prisma-adapter passes its type parsers with every query, and PGlite merges them into a copy of its own
 * table of about 300 parsers each time (`{ ...parsers, ...options.parsers }`: ~0.2 ms a query, a tenth of a
 * page's database time). Here the adapter's parsers become the instance's own at its first query, and its
 * queries go without them. Returns how the portal's own queries (migrations, backups) are made: with PGlite's
 * defaults, as before, and types the adapter added that PGlite does not parse left as text.
 */
function adoptAdapterParsers(db: PGlite): <T>(sql: string, params?: unknown[]) => Promise<Results<T>> {
  const defaults = db.parsers;
  let adopted: ParserOptions | undefined;
  let own = defaults;
  const strip = <O extends QueryOptions | undefined>(options: O): O => {
    const parsers = options?.parsers;
    if (!parsers) return options;
    if (!adopted) {
      adopted = parsers;
      db.parsers = { ...defaults, ...parsers };
      own = { ...Object.fromEntries(Object.keys(parsers).map((oid) => [oid, (text: string) => text])), ...defaults };
    }
    return parsers === adopted ? { ...options, parsers: undefined } : options;
  };
  const query = db.query.bind(db);
  db.query = (sql, params, options) => query(sql, params, strip(options));
  const transaction = db.transaction.bind(db);
  db.transaction = (fn) =>
    transaction((tx) => {
      const txQuery = tx.query;
      tx.query = (sql, params, options) => txQuery(sql, params, strip(options));
      return fn(tx);
    });
  return (sql, params) => query(sql, params, { parsers: own });
}

async function openPostgres(url: string): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const prisma = new PrismaClient({ adapter: passingLargeTexts(new PrismaPg(pool)) });
  return {
    kind: "postgres",
    prisma,
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
          exec: async (sql) => {
            await client.query(sql);
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
