import { describe, expect, it } from "vitest";
import { withLargeText } from "@/app/_server/db/large-text";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Freezing passes the parts to the driver past Prisma's JSON round trip of raw parameters (app/_server/db/large-text.ts):
 * the text must arrive whole (as UTF-8 bytes in the binary format), in a transaction as outside one, and a token that is
 * not replaced, or stands for a parameter that is not text, must never be stored.
 */
describe("large text parameters of raw statements", () => {
  const prisma = useTestDatabase();
  // Multibyte text, quotes, backslashes and line breaks, as the frozen parts hold (and more than a megabyte).
  const text = `{"名称":"基准医院\\"1\\"","值":"12.5"}\n`.repeat(40_000) + "末尾 \\ '";

  it("reach the database as the text, in a transaction and outside one", async () => {
    const [outside] = await withLargeText(text, (t) =>
      prisma().$queryRawUnsafe<{ same: boolean; n: number }[]>(`SELECT $1 = $2 AS same`, t, text),
    );
    expect(outside!.same).toBe(true);
    const inside = await prisma().$transaction((tx) =>
      withLargeText(text, (t) => tx.$queryRawUnsafe<{ t: string }[]>(`SELECT $1::text AS t`, t)),
    );
    expect(inside[0]!.t).toBe(text);
    // A text given as its pieces: their concatenation.
    const pieces = ["名称", "\t", text, "", "末尾 é"];
    const [joined] = await withLargeText(pieces, (t) => prisma().$queryRawUnsafe<{ t: string }[]>(`SELECT $1::text AS t`, t));
    expect(joined!.t).toBe(pieces.join(""));
    // Several tokens in one statement, each replaced by its own text.
    const both = await withLargeText("a", (a) =>
      withLargeText("b", (b) => prisma().$queryRawUnsafe<{ t: string }[]>(`SELECT $1 || $2 || $3 AS t`, a, "-", b)),
    );
    expect(both[0]!.t).toBe("a-b");
  });

  it("stand for text parameters only: a varchar reads the text, any other type fails instead of storing the bytes", async () => {
    const [row] = await withLargeText(text, (t) => prisma().$queryRawUnsafe<{ t: string }[]>(`SELECT $1::varchar AS t`, t));
    expect(row!.t).toBe(text);
    await expect(withLargeText('{"a":1}', (t) => prisma().$queryRawUnsafe(`SELECT $1::jsonb AS j`, t))).rejects.toThrow();
    await expect(withLargeText("12", (t) => prisma().$queryRawUnsafe(`SELECT $1::int AS i`, t))).rejects.toThrow();
    const [json] = await withLargeText('{"a":1}', (t) => prisma().$queryRawUnsafe<{ j: unknown }[]>(`SELECT $1::text::jsonb AS j`, t));
    expect(json!.j).toEqual({ a: 1 });
  });

  it("fail the statement when a token is used after its callback, instead of storing the token", async () => {
    let stale = "";
    await withLargeText(text, async (t) => {
      stale = t;
    });
    await expect(prisma().$queryRawUnsafe(`SELECT $1::text AS t`, stale)).rejects.toThrow(
      /invalid byte sequence for encoding "UTF8": 0x00/,
    );
  });
});
