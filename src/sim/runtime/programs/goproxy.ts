/**
 * `registry.k8s.io/goproxy:0.1`, the Kubernetes docs' TCP-probe example: an HTTP proxy (elazarl/goproxy)
 * listening on :8080 at once. A plain (non-proxy) request gets goproxy's 500 answer.
 */
import type { ProcessBody, ProcessContext } from "../kernel.ts";
import { goListen, goServeForever } from "./go-http.ts";

/** Program id of `/goproxy`. */
export const GOPROXY_PROGRAM = "goproxy/goproxy";

/** `/goproxy`. */
export function* goproxy(ctx: ProcessContext): ProcessBody {
  const handler = () => ({
    status: 500,
    body: "This is a proxy server. Does not respond to non-proxy requests.\n",
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
  if (!goListen(ctx, 8080, handler, "goproxy")) return 1;
  return yield* goServeForever(ctx);
}
