import { describe, expect, it } from "vitest";
import type { AppImageSpec } from "../../scenario/types.ts";
import { runImage } from "./test-images.ts";

const web: AppImageSpec = {
  name: "example.com/shop/web",
  tags: ["v1"],
  ports: [8080],
  startupSeconds: 4,
  logs: ["starting shop", "config loaded"],
  http: [
    {
      path: "/healthz",
      responses: [
        { afterSeconds: 0, status: 200 },
        { afterSeconds: 30, status: 503, body: "sick" },
      ],
    },
    { path: "/slow", responses: [{ afterSeconds: 0, status: 200, delaySeconds: 2 }] },
  ],
  onSigterm: { action: "exit", drainSeconds: 3, exitCode: 0 },
};

describe("application images", () => {
  it("logs, listens after startupSeconds, answers routes over time", () => {
    const c = runImage("example.com/shop/web:v1", { apps: [web] });
    c.advance(3_900);
    expect(c.stdout()).toBe("starting shop\nconfig loaded\n");
    expect(c.tcp(8080)).toBe(false);
    c.advance(200);
    expect(c.get(8080, "/healthz")).toEqual({ status: 200, body: "ok" });
    expect(c.get(8080, "/slow")).toEqual({ status: 200, body: "ok", delayMs: 2000 });
    expect(c.get(8080, "/other")?.status).toBe(404);
    expect(c.grpc(8080)).toBe("SERVING");
    c.advance(26_000);
    expect(c.get(8080, "/healthz")).toEqual({ status: 503, body: "sick" });
  });

  it("drains for drainSeconds on SIGTERM, then exits with exitCode", () => {
    const c = runImage("example.com/shop/web:v1", { apps: [web] });
    c.advance(5_000);
    c.ns.signal(1, "SIGTERM");
    c.advance(2_900);
    expect(c.exit()).toBeUndefined();
    expect(c.tcp(8080)).toBe(true);
    c.advance(200);
    expect(c.exit()).toEqual({ code: 0 });
  });

  it("ignores SIGTERM when told to, and exits on its own after exitAfterSeconds", () => {
    const spec: AppImageSpec = {
      name: "stubborn",
      onSigterm: { action: "ignore" },
      exitAfterSeconds: 20,
      exitCode: 4,
    };
    const c = runImage("stubborn", { apps: [spec] });
    c.advance(1_000);
    c.ns.signal(1, "SIGTERM");
    c.advance(1_000);
    expect(c.exit()).toBeUndefined();
    c.advance(18_000);
    expect(c.exit()).toEqual({ code: 4 });
  });

  it("runs its program from the ENTRYPOINT path and ships its files", () => {
    const spec: AppImageSpec = {
      name: "shop/api",
      entrypoint: ["/app/api"],
      cmd: ["--port", "9000"],
      files: { "/app/config.yaml": "port: 9000\n" },
    };
    const c = runImage("shop/api:v7", { apps: [spec] });
    c.advance(10);
    expect(c.ns.list()[0]?.argv).toEqual(["/app/api", "--port", "9000"]);
    expect(c.fs.readFile("/app/config.yaml")).toEqual({ ok: true, value: "port: 9000\n" });
  });
});
