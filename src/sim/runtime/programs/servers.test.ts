import { describe, expect, it } from "vitest";
import { runImage } from "./test-images.ts";

describe("httpd", () => {
  it("serves It works! on 80 and stops gracefully on SIGWINCH", () => {
    const c = runImage("httpd:2.4");
    c.advance(100);
    expect(c.get(80, "/")).toEqual({ status: 200, body: "<html><body><h1>It works!</h1></body></html>\n" });
    expect(c.get(80, "/missing")?.status).toBe(404);
    expect(c.stderr()).toContain("AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations");
    expect(c.stdout()).toContain('"GET / HTTP/1.1" 200 45\n');
    c.ns.signal(1, "SIGWINCH");
    c.advance(1);
    expect(c.tcp(80)).toBe(false);
    c.advance(200);
    expect(c.exit()).toEqual({ code: 0 });
    expect(c.stderr()).toContain("AH00492: caught SIGWINCH, shutting down gracefully");
  });

  it("stops on SIGTERM with exit 0", () => {
    const c = runImage("httpd");
    c.advance(100);
    c.ns.signal(1, "SIGTERM");
    c.advance(1);
    expect(c.exit()).toEqual({ code: 0 });
  });
});

describe("redis", () => {
  it("listens on 6379 (TCP only), answers redis-cli ping, saves and exits 0 on SIGTERM", () => {
    const c = runImage("redis:7.2");
    c.advance(50);
    expect(c.tcp(6379)).toBe(true);
    expect(c.get(6379, "/")).toBeUndefined();
    expect(c.stdout()).toContain("* Ready to accept connections tcp\n");
    const ping = c.exec(["redis-cli", "ping"]);
    c.advance(5);
    expect(ping.out()).toBe("PONG\n");
    c.ns.signal(1, "SIGTERM");
    c.advance(200);
    expect(c.exit()).toEqual({ code: 0 });
    expect(c.stdout()).toContain("DB saved on disk");
    expect(c.fs.exists("/data/dump.rdb")).toBe(true);
  });

  it("redis-cli fails when nothing listens", () => {
    const c = runImage("redis", { command: ["sleep", "3600"] });
    const ping = c.exec(["redis-cli", "ping"]);
    c.advance(5);
    expect(ping.status()).toEqual({ code: 1 });
    expect(ping.err()).toBe("Could not connect to Redis at 127.0.0.1:6379: Connection refused\n");
  });
});

describe("postgres", () => {
  it("refuses to start without a password", () => {
    const c = runImage("postgres:16");
    c.advance(10);
    expect(c.exit()).toEqual({ code: 1 });
    expect(c.stderr()).toMatch(/^Error: Database is uninitialized and superuser password is not specified\./);
  });

  it("initialises, then listens on 5432 after 2-3 s; SIGINT is a fast shutdown", () => {
    const c = runImage("postgres:17", { env: { POSTGRES_PASSWORD: "secret" } });
    c.advance(1_500);
    expect(c.tcp(5432)).toBe(false);
    c.advance(1_500);
    expect(c.tcp(5432)).toBe(true);
    expect(c.stdout()).toContain("PostgreSQL init process complete; ready for start up.");
    expect(c.stderr()).toMatch(/\[1\] LOG: {2}database system is ready to accept connections\n$/);
    const ready = c.exec(["pg_isready"]);
    c.advance(5);
    expect(ready.out()).toBe("/var/run/postgresql:5432 - accepting connections\n");
    c.ns.signal(1, "SIGINT");
    c.advance(100);
    expect(c.exit()).toEqual({ code: 0 });
    expect(c.stderr()).toContain("received fast shutdown request");
  });
});
