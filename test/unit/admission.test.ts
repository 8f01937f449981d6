import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM module of the server script, without type declarations
import { admissionLimit, createAdmission } from "@/scripts/admission.mjs";

/** A request and its response as scripts/serve.mjs sees them: the response emits "close" when answered. */
function request(method = "GET", url = "/inbox") {
  const res = new EventEmitter();
  return { req: { method, url, socket: { destroyed: false } }, res, answer: () => res.emit("close") };
}

describe("admission control (scripts/admission.mjs)", () => {
  it("serves at most `limit` reads at once and the others in arrival order as earlier ones are answered", () => {
    const admit = createAdmission(2);
    const served: number[] = [];
    const rs = Array.from({ length: 5 }, () => request());
    rs.forEach((r, i) => admit(r.req, r.res, () => served.push(i)));
    expect(served).toEqual([0, 1]);
    expect(admit.stats()).toEqual({ active: 2, waiting: 3 });
    rs[1].answer();
    expect(served).toEqual([0, 1, 2]);
    rs[0].answer();
    rs[2].answer();
    expect(served).toEqual([0, 1, 2, 3, 4]);
    rs[3].answer();
    rs[4].answer();
    expect(admit.stats()).toEqual({ active: 0, waiting: 0 });
  });

  it("never holds back writes or the build's static files", () => {
    const admit = createAdmission(1);
    const first = request();
    admit(first.req, first.res, () => {});
    const served: string[] = [];
    for (const [method, url] of [
      ["POST", "/sheets"],
      ["PUT", "/api/v1/regions/340100/sheets/2025-08"],
      ["GET", "/_next/static/chunks/app.js"],
      ["GET", "/inbox"],
    ]) {
      const r = request(method, url);
      admit(r.req, r.res, () => served.push(`${method} ${url}`));
    }
    expect(served).toEqual(["POST /sheets", "PUT /api/v1/regions/340100/sheets/2025-08", "GET /_next/static/chunks/app.js"]);
    expect(admit.stats()).toEqual({ active: 1, waiting: 1 });
  });

  it("drops a waiting request whose client went away instead of serving it", () => {
    const admit = createAdmission(1);
    const [a, gone, c] = [request(), request(), request()];
    const served: string[] = [];
    admit(a.req, a.res, () => served.push("a"));
    admit(gone.req, gone.res, () => served.push("gone"));
    admit(c.req, c.res, () => served.push("c"));
    gone.req.socket.destroyed = true;
    a.answer();
    expect(served).toEqual(["a", "c"]);
    expect(admit.stats()).toEqual({ active: 1, waiting: 0 });
  });

  it("reads its limit from LIANGDI_MAX_CONCURRENT_REQUESTS: 0 is no limit, anything but a whole number is refused", () => {
    expect(admissionLimit({})).toBe(4);
    expect(admissionLimit({ DATABASE_URL: "postgresql://db/liangdi" })).toBe(8);
    expect(admissionLimit({ LIANGDI_MAX_CONCURRENT_REQUESTS: "16" })).toBe(16);
    expect(admissionLimit({ LIANGDI_MAX_CONCURRENT_REQUESTS: "0" })).toBe(Infinity);
    expect(() => admissionLimit({ LIANGDI_MAX_CONCURRENT_REQUESTS: "many" })).toThrow("LIANGDI_MAX_CONCURRENT_REQUESTS 应为非负整数");
    expect(() => admissionLimit({ LIANGDI_MAX_CONCURRENT_REQUESTS: "-1" })).toThrow("非负整数");
  });
});
