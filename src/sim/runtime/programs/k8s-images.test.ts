import { describe, expect, it } from "vitest";
import { runImage } from "./test-images.ts";

describe("agnhost", () => {
  it("liveness: /healthz is 200 for 10 s, then 500 with the elapsed seconds", () => {
    const c = runImage("registry.k8s.io/e2e-test-images/agnhost:2.40", { args: ["liveness"] });
    c.advance(5_000);
    expect(c.get(8080, "/healthz")).toEqual({ status: 200, body: "ok" });
    expect(c.get(8080, "/started")).toMatchObject({ status: 200, body: "5s" });
    c.advance(6_000);
    expect(c.get(8080, "/healthz")).toEqual({ status: 500, body: "error: 11" });
  });

  it("liveness as PID 1 exits 2 on SIGTERM (Go runtime, no handler)", () => {
    const c = runImage("registry.k8s.io/e2e-test-images/agnhost:2.40", { args: ["liveness"] });
    c.advance(100);
    c.ns.signal(1, "SIGTERM");
    c.advance(1);
    expect(c.exit()).toEqual({ code: 2 });
  });

  it("netexec serves its endpoints and exits on /exit", () => {
    const c = runImage("registry.k8s.io/e2e-test-images/agnhost:2.40", {
      args: ["netexec", "--http-port=8081"],
    });
    c.advance(10);
    expect(c.get(8081, "/hostname")).toEqual({ status: 200, body: "web-0" });
    expect(c.get(8081, "/echo?msg=hi")).toEqual({ status: 200, body: "hi" });
    expect(c.get(8081, "/nope")?.status).toBe(404);
    c.get(8081, "/exit?code=3");
    c.advance(1);
    expect(c.exit()).toEqual({ code: 3 });
  });

  it("netexec --delay-shutdown turns /readyz 503 and exits 0 after the delay", () => {
    const c = runImage("registry.k8s.io/e2e-test-images/agnhost:2.40", {
      args: ["netexec", "--delay-shutdown=5"],
    });
    c.advance(10);
    c.ns.signal(1, "SIGTERM");
    c.advance(100);
    expect(c.get(8080, "/readyz")?.status).toBe(503);
    c.advance(4_000);
    expect(c.exit()).toBeUndefined();
    c.advance(1_000);
    expect(c.exit()).toEqual({ code: 0 });
  });

  it("runs `pause` by default (CMD) and exits 2 on SIGTERM", () => {
    const c = runImage("registry.k8s.io/e2e-test-images/agnhost:2.40");
    c.advance(10);
    expect(c.stdout()).toBe("Paused\n");
    c.ns.signal(1, "SIGTERM");
    c.advance(1);
    expect(c.exit()).toEqual({ code: 2 });
  });

  it("rejects unknown subcommands like cobra", () => {
    const c = runImage("registry.k8s.io/e2e-test-images/agnhost:2.40", { args: ["frobnicate"] });
    c.advance(1);
    expect(c.exit()).toEqual({ code: 1 });
    expect(c.stderr()).toBe(
      'Error: unknown command "frobnicate" for "agnhost"\nRun \'agnhost --help\' for usage.\n',
    );
  });
});

describe("registry.k8s.io/liveness", () => {
  it("/server answers like agnhost liveness", () => {
    const c = runImage("registry.k8s.io/liveness", { args: ["/server"] });
    c.advance(10_000);
    expect(c.get(8080, "/healthz")?.status).toBe(200);
    c.advance(500);
    expect(c.get(8080, "/healthz")).toEqual({ status: 500, body: "error: 10.5" });
  });
});

describe("goproxy", () => {
  it("accepts TCP on 8080 at once and rejects non-proxy HTTP with 500", () => {
    const c = runImage("registry.k8s.io/goproxy:0.1");
    c.advance(1);
    expect(c.tcp(8080)).toBe(true);
    expect(c.get(8080, "/")?.status).toBe(500);
  });
});

describe("etcd", () => {
  const command = [
    "/usr/local/bin/etcd",
    "--data-dir",
    "/var/lib/etcd",
    "--listen-client-urls",
    "http://0.0.0.0:2379",
    "--advertise-client-urls",
    "http://127.0.0.1:2379",
    "--log-level",
    "debug",
  ];

  it("serves gRPC health SERVING on 2379 after about a second", () => {
    const c = runImage("registry.k8s.io/etcd:3.5.1-0", { command });
    c.advance(500);
    expect(c.grpc(2379)).toBe("refused");
    c.advance(1_000);
    expect(c.grpc(2379)).toBe("SERVING");
    expect(c.get(2379, "/health")?.body).toBe('{"health":"true","reason":""}');
    const lines = c
      .stderr()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { msg: string; level: string });
    expect(lines[0]?.msg).toBe("Running: ");
    expect(lines.some((l) => l.msg === "ready to serve client requests")).toBe(true);
    expect(c.get(2379, "/version")?.body).toContain('"etcdserver":"3.5.1"');
  });

  it("exits 0 on SIGTERM as PID 1", () => {
    const c = runImage("registry.k8s.io/etcd:3.5.1-0", { command });
    c.advance(2_000);
    c.ns.signal(1, "SIGTERM");
    c.advance(100);
    expect(c.exit()).toEqual({ code: 0 });
    expect(c.stderr()).toContain('"msg":"received signal; shutting down","signal":"terminated"');
  });

  it("etcdctl endpoint health talks to the server", () => {
    const c = runImage("registry.k8s.io/etcd:3.5.1-0", { command });
    c.advance(2_000);
    const h = c.exec(["etcdctl", "endpoint", "health"]);
    c.advance(10);
    expect(h.status()).toEqual({ code: 0 });
    expect(h.out()).toMatch(/^127\.0\.0\.1:2379 is healthy/);
  });
});

describe("pause", () => {
  it("sleeps until SIGTERM, then exits 0", () => {
    const c = runImage("registry.k8s.io/pause:3.10");
    c.advance(60_000);
    expect(c.exit()).toBeUndefined();
    c.ns.signal(1, "SIGTERM");
    c.advance(1);
    expect(c.exit()).toEqual({ code: 0 });
    expect(c.stderr()).toBe("Shutting down, got signal: Terminated\n");
  });
});
