import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ImageCatalog } from "../../images/catalog.ts";
import { parseImageRef } from "../../images/reference.ts";
import { connect } from "../../network.ts";
import { startContainer } from "../testing.ts";
import { loadNginxConfig, NGINX_CONF } from "./config.ts";
import { serveNginx } from "./http.ts";

function startNginx(ownsRoot: boolean) {
  const ref = parseImageRef("nginx:1.27");
  if (!ref.ok) throw new Error(ref.error);
  const r = new ImageCatalog().lookup(ref.ref);
  if (!r.ok) throw new Error(r.error);
  const img = r.image;
  const c = startContainer(img.buildRootfs(), [...img.entrypoint, ...img.cmd], {
    env: { ...img.env },
    ownsRoot,
  });
  c.advance(200);
  return c;
}

const HTML = "/usr/share/nginx/html";

/** Shell commands that change what nginx serves, each a different way of editing the tree. */
const CHANGES = [
  `rm -f ${HTML}/index.html`,
  `echo hello > ${HTML}/index.html`,
  `echo more >> ${HTML}/index.html`,
  `cp ${HTML}/50x.html ${HTML}/index.html`,
  `mv ${HTML}/index.html ${HTML}/old.html`,
  `ln -s ${HTML}/50x.html ${HTML}/index.html`,
  `ln -s ${HTML}/50x.html ${HTML}/sub`,
  `mkdir -p ${HTML}/sub`,
  `rm -rf ${HTML}/sub`,
  `touch ${HTML}/sub/index.html`,
  `chmod 000 ${HTML}/old.html`,
  `cp -r ${HTML} /tmp/copy`,
];

const PATHS = ["/", "/index.html", "/old.html", "/sub", "/sub/", "/sub/index.html", "/50x.html"];

describe("nginx's response cache", () => {
  // Both ways a filesystem counts its changes: its own (a private root), or every tree's.
  it.each([true, false])(
    "answers as a fresh serve does after any sequence of changes to the served files (private root: %s)",
    (ownsRoot) => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...CHANGES), { maxLength: 8 }), (changes) => {
          const c = startNginx(ownsRoot);
          const check = (after: string) => {
            const loaded = loadNginxConfig(c.fs, NGINX_CONF, "");
            if (!loaded.ok) throw new Error(loaded.error);
            for (const path of PATHS) {
              // Twice: the second answer is the cached one.
              c.get(80, path);
              const cached = c.get(80, path);
              const fresh = serveNginx(
                loaded.config,
                c.fs,
                { method: "GET", path, host: "10.244.0.5:80", port: 80, headers: {} },
                "1.27.5",
              );
              expect(cached, `${path} after ${after}`).toEqual(fresh.response);
              // Another Host (the Service name): the answer any Host gets, or its own.
              const conn = connect(c.net, c.net.ip, 80);
              if (!conn.ok || !conn.listener.http) throw new Error("not listening");
              const req = { method: "GET", path, host: "web", port: 80, headers: {} };
              const other = conn.listener.http(req, 0);
              expect(other, `${path} for web after ${after}`).toEqual(
                serveNginx(loaded.config, c.fs, req, "1.27.5").response,
              );
            }
          };
          check("start");
          for (const change of changes) {
            const run = c.exec(["sh", "-c", change]);
            c.advance(50);
            expect(run.status(), change).toBeDefined();
            check(change);
          }
        }),
        { numRuns: 60 },
      );
    },
  );
});
