import { describe, expect, it } from "vitest";
import { runScript, startShellBox } from "./testing.ts";

describe("shell basics", () => {
  it("echoes and exits", () => {
    const r = runScript("echo hello world; exit 3");
    expect(r.out).toBe("hello world\n");
    expect(r.code).toBe(3);
  });

  it("expands variables and quotes", () => {
    const r = runScript(`A=1; B="two words"; echo "$A" $B '$A' "\${C:-dflt}" \${#B}`);
    expect(r.out).toBe("1 two words $A dflt 9\n");
  });
});

describe("conformance scripts", () => {
  it("runs the liveness example on time", () => {
    const box = startShellBox([
      "/bin/sh",
      "-c",
      "touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600",
    ]);
    box.runUntil(29_000);
    expect(box.fs.exists("/tmp/healthy")).toBe(true);
    box.runUntil(31_000);
    expect(box.fs.exists("/tmp/healthy")).toBe(false);
    expect(box.exit()).toBeUndefined();
  });

  it("traps TERM and exits after the current sleep", () => {
    const box = startShellBox([
      "sh",
      "-c",
      "trap 'echo bye; exit 0' TERM; echo hello; while true; do sleep 1; done",
    ]);
    box.runUntil(20_300);
    expect(box.out()).toBe("hello\n");
    box.signal("SIGTERM");
    box.runUntil(30_000);
    expect(box.out()).toBe("hello\nbye\n");
    expect(box.exit()?.code).toBe(0);
    expect(box.exit()?.atMs).toBeGreaterThan(20_300);
    expect(box.exit()?.atMs).toBeLessThanOrEqual(21_100);
  });
});
