import { describe, expect, it } from "vitest";
import type { AppImageSpec } from "../../scenario/types.ts";
import { Filesystem } from "../vfs.ts";
import { ImageCatalog, pullMsForSize } from "./catalog.ts";
import { parseImageRef } from "./reference.ts";

function lookup(raw: string, apps: AppImageSpec[] = []) {
  const ref = parseImageRef(raw);
  if (!ref.ok) throw new Error(ref.error);
  return new ImageCatalog(apps).lookup(ref.ref);
}

const H = "b".repeat(64);

describe("ImageCatalog existence rule", () => {
  it.each([
    "busybox",
    "busybox:1.36",
    "busybox:1.36.1-musl",
    "alpine:3.20",
    "nginx",
    "nginx:1.27",
    "nginx:1.27.3",
    "nginx:stable-alpine",
    "nginx:1.27-alpine",
    "nginx:alpine",
    "nginx:mainline",
    "docker.io/library/nginx:1.25",
    "httpd:2.4",
    "redis:7.2-alpine",
    "postgres:16",
    "debian:bookworm-slim",
    "ubuntu:24.04",
    "registry.k8s.io/e2e-test-images/agnhost:2.40",
    "k8s.gcr.io/e2e-test-images/agnhost:2.39",
    "registry.k8s.io/liveness",
    "registry.k8s.io/goproxy:0.1",
    "registry.k8s.io/etcd:3.5.1-0",
    "registry.k8s.io/pause:3.10",
    `nginx@sha256:${H}`,
    `nginx:whatever@sha256:${H}`,
  ])("%s exists", (raw) => {
    expect(lookup(raw).ok).toBe(true);
  });

  it.each([
    [
      "foo",
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/foo:latest": failed to resolve reference "docker.io/library/foo:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    ],
    [
      "nginx:doesnotexist",
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
    ],
    [
      "nginx:2.0",
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:2.0": failed to resolve reference "docker.io/library/nginx:2.0": docker.io/library/nginx:2.0: not found',
    ],
    [
      "registry.k8s.io/e2e-test-images/agnhost:1.0",
      'rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/e2e-test-images/agnhost:1.0": failed to resolve reference "registry.k8s.io/e2e-test-images/agnhost:1.0": registry.k8s.io/e2e-test-images/agnhost:1.0: not found',
    ],
    [
      "registry.k8s.io/nothing:1",
      'rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/nothing:1": failed to resolve reference "registry.k8s.io/nothing:1": registry.k8s.io/nothing:1: not found',
    ],
    [
      "myregistry.example.com/shop/web:v1",
      'rpc error: code = Unknown desc = failed to pull and unpack image "myregistry.example.com/shop/web:v1": failed to resolve reference "myregistry.example.com/shop/web:v1": failed to do request: Head "https://myregistry.example.com/v2/shop/web/manifests/v1": dial tcp: lookup myregistry.example.com on 127.0.0.53:53: no such host',
    ],
  ])("%s does not exist", (raw, error) => {
    expect(lookup(raw)).toEqual({ ok: false, error });
  });

  it("accepts any tag of a Scenario image that lists none, only the listed ones otherwise", () => {
    const apps: AppImageSpec[] = [{ name: "example.com/shop/web" }, { name: "shop/api", tags: ["v1", "v2"] }];
    expect(lookup("example.com/shop/web:anything", apps).ok).toBe(true);
    expect(lookup("docker.io/shop/api:v2", apps).ok).toBe(true);
    expect(lookup(`shop/api@sha256:${H}`, apps).ok).toBe(true);
    expect(lookup("shop/api:v3", apps)).toEqual({
      ok: false,
      error:
        'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/shop/api:v3": failed to resolve reference "docker.io/shop/api:v3": docker.io/shop/api:v3: not found',
    });
    const other = lookup("example.com/shop/other:v1", apps);
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error).toMatch(/example\.com\/shop\/other:v1: not found$/);
  });

  it("lets a Scenario image shadow a built-in one", () => {
    const r = lookup("nginx:1.27", [{ name: "nginx", sizeBytes: 1_000_000, pullSeconds: 7 }]);
    expect(r.ok && r.image.sizeBytes).toBe(1_000_000);
    expect(r.ok && r.image.pullMs).toBe(7000);
  });
});

describe("ImageInfo", () => {
  it("has stable ids and digests derived from the canonical name", () => {
    const a = lookup("nginx");
    const b = lookup("docker.io/library/nginx:latest");
    const c = lookup("nginx:1.27");
    if (!a.ok || !b.ok || !c.ok) throw new Error("lookup failed");
    expect(a.image.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.image.id).toBe(b.image.id);
    expect(a.image.id).not.toBe(c.image.id);
    expect(a.image.repoDigest).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(a.image.repoDigest).toBe(b.image.repoDigest);
    const d = lookup(`nginx@sha256:${H}`);
    expect(d.ok && d.image.repoDigest).toBe(`docker.io/library/nginx@sha256:${H}`);
  });

  it("has realistic sizes and pull times", () => {
    const size = (raw: string) => {
      const r = lookup(raw);
      return r.ok ? r.image.sizeBytes : -1;
    };
    expect(size("busybox:1.36")).toBe(2_156_741);
    expect(size("nginx:1.27")).toBeGreaterThan(60_000_000);
    expect(size("nginx:1.27-alpine")).toBeLessThan(25_000_000);
    expect(size("registry.k8s.io/pause:3.10")).toBeLessThan(400_000);
    expect(pullMsForSize(2_156_741)).toBe(472);
    const n = lookup("nginx");
    expect(n.ok && n.image.pullMs).toBeGreaterThan(2500);
    expect(n.ok && n.image.pullMs).toBeLessThan(3000);
  });

  it("carries the images' real configs", () => {
    const n = lookup("nginx:1.27");
    if (!n.ok) throw new Error(n.error);
    expect(n.image).toMatchObject({
      entrypoint: ["/docker-entrypoint.sh"],
      cmd: ["nginx", "-g", "daemon off;"],
      stopSignal: "SIGQUIT",
      exposedPorts: [80],
    });
    expect(n.image.env.NGINX_VERSION).toBe("1.27.5");
    const stops = ["httpd", "postgres", "redis", "busybox"].map((i) => {
      const r = lookup(i);
      return r.ok ? r.image.stopSignal : "";
    });
    expect(stops).toEqual(["SIGWINCH", "SIGINT", "SIGTERM", "SIGTERM"]);
  });

  it("builds a fresh rootfs each time", () => {
    const n = lookup("nginx");
    if (!n.ok) throw new Error(n.error);
    const a = n.image.buildRootfs();
    const b = n.image.buildRootfs();
    expect(a).not.toBe(b);
    a.entries.delete("usr");
    expect(b.entries.has("usr")).toBe(true);
  });
});

describe("ImageCatalog root trees", () => {
  it("gives every container its own copy: a change in one is not in the next", () => {
    const catalog = new ImageCatalog();
    const ref = parseImageRef("nginx:1.27");
    if (!ref.ok) throw new Error(ref.error);
    const image = (() => {
      const r = catalog.lookup(ref.ref);
      if (!r.ok) throw new Error(r.error);
      return r.image;
    })();
    const first = image.buildRootfs();
    // A container's tree changes through its filesystem and the nodes it hands out.
    const fs = new Filesystem(first, () => 0, { ownsRoot: true });
    const packaged = fs.readFile("/etc/nginx/nginx.conf");
    if (!packaged.ok) throw new Error("no nginx.conf");
    fs.writeFile("/etc/nginx/nginx.conf", "changed");
    fs.remove("/etc/nginx/mime.types");
    fs.writeFile("/etc/extra", "");
    const html = fs.stat("/usr/share/nginx/html/index.html");
    if (html?.kind !== "file") throw new Error("no index.html");
    html.data = "edited in place";
    expect(fs.readFile("/usr/share/nginx/html/index.html")).toEqual({ ok: true, value: "edited in place" });
    const etc = first.entries.get("etc");
    if (etc?.kind !== "dir") throw new Error("no /etc");
    const nginxDir = etc.entries.get("nginx");
    if (nginxDir?.kind !== "dir") throw new Error("no /etc/nginx");
    const packagedConf = packaged.value;
    // Another container of the same image, looked up again, as the kubelet does per container.
    const again = catalog.lookup(ref.ref);
    if (!again.ok) throw new Error(again.error);
    const second = again.image.buildRootfs();
    expect(second).not.toBe(first);
    const etc2 = second.entries.get("etc");
    if (etc2?.kind !== "dir") throw new Error("no /etc");
    expect(etc2.entries.has("extra")).toBe(false);
    const nginx2 = etc2.entries.get("nginx");
    if (nginx2?.kind !== "dir") throw new Error("no /etc/nginx");
    expect(nginx2.entries.has("mime.types")).toBe(true);
    expect(nginx2.entries.get("nginx.conf")).toMatchObject({ kind: "file", data: packagedConf });
    const fs2 = new Filesystem(second, () => 0, { ownsRoot: true });
    expect(fs2.readFile("/usr/share/nginx/html/index.html").ok).toBe(true);
    expect(fs2.readFile("/usr/share/nginx/html/index.html")).not.toEqual({
      ok: true,
      value: "edited in place",
    });
    expect(nginxDir.entries.has("mime.types")).toBe(false);
  });
});
