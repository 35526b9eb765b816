import { describe, expect, it } from "vitest";
import { runImage } from "../test-images.ts";

// The Kubernetes docs' lifecycle example (conformance case docs-lifecycle-poststart): hooks run in
// the nginx container's shell beside the nginx master.
describe("nginx with the docs' lifecycle hooks", () => {
  it("postStart writes through the image's /bin/sh", () => {
    const c = runImage("nginx");
    c.advance(200);
    const hook = c.exec(["/bin/sh", "-c", "echo Hello from the postStart handler > /usr/share/message"]);
    c.advance(50);
    expect(hook.status()).toEqual({ code: 0 });
    expect(c.fs.readFile("/usr/share/message")).toEqual({
      ok: true,
      value: "Hello from the postStart handler\n",
    });
  });

  it("preStop `nginx -s quit; while killall -0 nginx; …` quits nginx within a second", () => {
    const c = runImage("nginx");
    c.advance(200);
    const hook = c.exec(["/bin/sh", "-c", "nginx -s quit; while killall -0 nginx; do sleep 1; done"]);
    c.advance(1_000);
    expect(hook.status()?.code).toBe(0);
    // Debian's nginx image has no killall, as in real life: dash reports it and the loop ends.
    expect(hook.err()).toContain("killall: not found");
    expect(c.exit()).toEqual({ code: 0 });
  });

  it("in the alpine variant the hook's loop lasts until nginx is gone", () => {
    const c = runImage("nginx:alpine");
    c.advance(200);
    const hook = c.exec(["/bin/sh", "-c", "nginx -s quit; while killall -0 nginx; do sleep 1; done"]);
    c.advance(3_000);
    expect(c.exit()).toEqual({ code: 0 });
    // PID 1 exited, so the kernel killed the rest of the container, the hook's shell included.
    expect(hook.status()).toEqual({ code: 137, signal: "SIGKILL" });
  });
});
