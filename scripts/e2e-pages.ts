/**
 * Test pages for the browser tests, served by `vite preview` only (never part of the build):
 * `/__e2e__/<name>.html?src=<url>` is `e2e/fixtures/<name>.html` with `{{EMBED_URL}}` replaced by
 * `src`. Opened as `http://localhost:<port>/…` while the app is at `http://127.0.0.1:<port>/`, such
 * a page is another site embedding Podlife (both loopback, so Chromium's local-network checks
 * allow it).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";

const PREFIX = "/__e2e__/";

/** Escapes text for a double-quoted HTML attribute. */
function attribute(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A Vite plugin that serves the test pages on the preview server. */
export function e2ePages(): Plugin {
  return {
    name: "podlife-e2e-pages",
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? "/", "http://preview");
        const name = url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : "";
        if (!/^[a-z0-9-]+\.html$/.test(name)) return next();
        let page: string;
        try {
          page = readFileSync(join(server.config.root, "e2e", "fixtures", name), "utf8");
        } catch {
          return next();
        }
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.end(page.replace("{{EMBED_URL}}", attribute(url.searchParams.get("src") ?? "about:blank")));
      });
    },
  };
}
