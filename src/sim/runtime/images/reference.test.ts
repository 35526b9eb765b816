import { describe, expect, it } from "vitest";
import { parseImageRef } from "./reference.ts";

const H = "a".repeat(64);

describe("parseImageRef", () => {
  it.each([
    [
      "nginx",
      "docker.io",
      "library/nginx",
      undefined,
      undefined,
      "docker.io/library/nginx:latest",
      "nginx:latest",
    ],
    [
      "nginx:1.27",
      "docker.io",
      "library/nginx",
      "1.27",
      undefined,
      "docker.io/library/nginx:1.27",
      "nginx:1.27",
    ],
    [
      "docker.io/nginx",
      "docker.io",
      "library/nginx",
      undefined,
      undefined,
      "docker.io/library/nginx:latest",
      "nginx:latest",
    ],
    [
      "index.docker.io/library/busybox:1.36",
      "docker.io",
      "library/busybox",
      "1.36",
      undefined,
      "docker.io/library/busybox:1.36",
      "busybox:1.36",
    ],
    [
      "bitnami/redis:7.2",
      "docker.io",
      "bitnami/redis",
      "7.2",
      undefined,
      "docker.io/bitnami/redis:7.2",
      "bitnami/redis:7.2",
    ],
    [
      "registry.k8s.io/e2e-test-images/agnhost:2.40",
      "registry.k8s.io",
      "e2e-test-images/agnhost",
      "2.40",
      undefined,
      "registry.k8s.io/e2e-test-images/agnhost:2.40",
      "registry.k8s.io/e2e-test-images/agnhost:2.40",
    ],
    [
      "localhost/app",
      "localhost",
      "app",
      undefined,
      undefined,
      "localhost/app:latest",
      "localhost/app:latest",
    ],
    [
      "localhost:5000/shop/web:v1",
      "localhost:5000",
      "shop/web",
      "v1",
      undefined,
      "localhost:5000/shop/web:v1",
      "localhost:5000/shop/web:v1",
    ],
    ["Example/app", "Example", "app", undefined, undefined, "Example/app:latest", "Example/app:latest"],
    [
      `nginx@sha256:${H}`,
      "docker.io",
      "library/nginx",
      undefined,
      `sha256:${H}`,
      `docker.io/library/nginx@sha256:${H}`,
      `nginx@sha256:${H}`,
    ],
    [
      `nginx:1.27@sha256:${H}`,
      "docker.io",
      "library/nginx",
      "1.27",
      `sha256:${H}`,
      `docker.io/library/nginx@sha256:${H}`,
      `nginx@sha256:${H}`,
    ],
  ])("%s", (raw, domain, path, tag, digest, canonical, familiar) => {
    const r = parseImageRef(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ref).toMatchObject({ raw, domain, path, repository: `${domain}/${path}`, canonical, familiar });
    expect(r.ref.tag).toBe(tag);
    expect(r.ref.digest).toBe(digest);
  });

  it.each([
    ["nginx:", "invalid reference format"],
    ["nginx::1", "invalid reference format"],
    ["-nginx", "invalid reference format"],
    ["ngin x", "invalid reference format"],
    ["Nginx", "invalid reference format: repository name (library/Nginx) must be lowercase"],
    [
      "docker.io/Library/nginx",
      "invalid reference format: repository name (Library/nginx) must be lowercase",
    ],
    [H, `invalid repository name (${H}), cannot specify 64-byte hexadecimal strings`],
    ["nginx@sha256:abc", "invalid reference format"],
    [`nginx@sha256:${"a".repeat(63)}b1`, "invalid checksum digest length"],
    [`nginx@md5:${"a".repeat(32)}`, "unsupported digest algorithm"],
  ])("rejects %j", (raw, problem) => {
    const r = parseImageRef(raw);
    expect(r).toEqual({
      ok: false,
      error: `Failed to apply default image tag ${JSON.stringify(raw)}: couldn't parse image name ${JSON.stringify(raw)}: ${problem}`,
    });
  });

  it("rejects names over 255 characters", () => {
    const r = parseImageRef(`example.com/${"a".repeat(250)}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/repository name must not be more than 255 characters$/);
  });
});
