/**
 * The Content-Security-Policy of the production page, put in `index.html` as a `<meta>` tag at
 * build time (the dev server's React refresh needs an inline script, so it gets none). Scripts
 * and workers come only from the site itself (`blob:` workers for the sandboxed-iframe fallback
 * in `src/ui/start-worker.ts`); no inline scripts, no `eval`, no plugins, no forms posting away.
 * Inline styles stay allowed: Monaco and the swimlanes' embedded style sheet set them.
 * `frame-ancestors` cannot be set from a `<meta>` tag; embedding is meant to be allowed anyway.
 */
import type { Plugin } from "vite";

/** The policy, directive by directive. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** A Vite plugin that adds the policy's `<meta>` tag to the built `index.html`. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: "podlife-csp",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY },
        injectTo: "head-prepend",
      },
    ],
  };
}
