import { describe, expect, it } from "vitest";
import { ImageCatalog } from "../../images/catalog.ts";
import { parseImageRef } from "../../images/reference.ts";
import { Filesystem } from "../../vfs.ts";
import { loadNginxConfig, type NginxConfig } from "./config.ts";

/** A filesystem with the nginx image's files. */
function nginxFs(): Filesystem {
  const ref = parseImageRef("nginx:1.27");
  if (!ref.ok) throw new Error(ref.error);
  const r = new ImageCatalog().lookup(ref.ref);
  if (!r.ok) throw new Error(r.error);
  return new Filesystem(r.image.buildRootfs());
}

function config(fs: Filesystem, globals = ""): NginxConfig {
  const loaded = loadNginxConfig(fs, undefined, globals);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.config;
}

const DEFAULT = "/etc/nginx/conf.d/default.conf";

describe("nginx config cache", () => {
  it("shares one parse between filesystems with the same files", () => {
    const a = config(nginxFs());
    expect(config(nginxFs())).toBe(a);
    expect(a.servers[0]?.ports).toEqual([80]);
  });

  it("parses again when an included file changes, and again reuses the first when it changes back", () => {
    const fs = nginxFs();
    const before = config(fs);
    const text = fs.readFile(DEFAULT);
    if (!text.ok) throw new Error(text.errno);
    fs.writeFile(DEFAULT, text.value.replace("listen       80;", "listen       8080;"));
    const edited = config(fs);
    expect(edited).not.toBe(before);
    expect(edited.servers[0]?.ports).toEqual([8080]);
    // Another container with the packaged file still gets the packaged configuration.
    expect(config(nginxFs()).servers[0]?.ports).toEqual([80]);
    fs.writeFile(DEFAULT, text.value);
    expect(config(fs)).toBe(before);
  });

  it("parses again when a glob include matches other files", () => {
    const fs = nginxFs();
    const before = config(fs);
    fs.writeFile("/etc/nginx/conf.d/extra.conf", "server { listen 81; }\n");
    const after = config(fs);
    expect(after.servers.map((s) => s.ports)).toEqual([[80], [81]]);
    fs.remove("/etc/nginx/conf.d/extra.conf");
    expect(config(fs)).toBe(before);
  });

  it("keys on the -g directives and caches errors by the same reads", () => {
    const fs = nginxFs();
    expect(config(fs, "daemon off;").daemon).toBe(false);
    expect(config(fs).daemon).toBe(true);
    fs.writeFile("/etc/nginx/conf.d/broken.conf", "server {\n");
    const broken = loadNginxConfig(fs);
    expect(broken.ok).toBe(false);
    expect(loadNginxConfig(fs)).toEqual(broken);
    fs.remove("/etc/nginx/conf.d/broken.conf");
    expect(loadNginxConfig(fs).ok).toBe(true);
  });

  it("hands out a frozen result: a caller cannot change what the next one gets", () => {
    const a = config(nginxFs());
    expect(() => {
      (a.servers as unknown[]).push({});
    }).toThrow(TypeError);
    expect(() => {
      (a.http[0] as { args: string[] }).args[0] = "changed";
    }).toThrow(TypeError);
    expect(() => {
      (a as { daemon: boolean }).daemon = false;
    }).toThrow(TypeError);
    const b = config(nginxFs());
    expect(b.servers.length).toBe(1);
    expect(b.daemon).toBe(true);
  });
});
