/**
 * nginx's answers, remembered per request: a server probed every few seconds answers the same
 * request the same way until its configuration or a file changes. An answer is reused while the
 * configuration is the same object and the container's filesystem has not changed since it was
 * worked out (`Filesystem.generation`); the access log line is still written per request by the
 * caller.
 */
import type { HttpRequest } from "../../network.ts";
import type { Filesystem } from "../../vfs.ts";
import type { NginxConfig } from "./config.ts";
import { type NginxServeResult, serveNginx } from "./http.ts";

/** Distinct requests remembered at most (a scan of many paths should not grow memory). */
const MAX_ANSWERS = 64;

/** Answers of one nginx master process, valid for one configuration and filesystem generation. */
export class NginxResponseCache {
  private generation = -1;
  private config?: NginxConfig;
  private readonly answers = new Map<string, NginxServeResult>();

  /** `serveNginx`, or the answer it gave to the same request since nothing changed. */
  serve(cfg: NginxConfig, fs: Filesystem, req: HttpRequest, version: string): NginxServeResult {
    const generation = fs.generation();
    if (generation !== this.generation || cfg !== this.config) {
      this.answers.clear();
      this.generation = generation;
      this.config = cfg;
    }
    // Why these fields: serveNginx reads the method, port, Host and path, never other headers.
    const key = `${req.method} ${req.port} ${req.host} ${req.path}`;
    let answer = this.answers.get(key);
    if (!answer) {
      // An answer for any Host (probes ask by pod IP, the traffic by Service name).
      const anyHost = `${req.method} ${req.port} * ${req.path}`;
      answer = this.answers.get(anyHost) ?? serveNginx(cfg, fs, req, version);
      if (this.answers.size < MAX_ANSWERS) this.answers.set(key, answer);
      if (this.answers.size < MAX_ANSWERS && !this.answers.has(anyHost) && hostFree(cfg, req.port, answer))
        this.answers.set(anyHost, answer);
    }
    return answer;
  }
}

/**
 * Whether an answer on `port` is the one any Host gets. Why these two: serveNginx reads the Host
 * only to choose among the servers listening on the port and to build a directory's redirect
 * (`Location: http://HOST/dir/`); with one server (or none) and no `Location`, it read it for
 * nothing that shows.
 */
function hostFree(cfg: NginxConfig, port: number, answer: NginxServeResult): boolean {
  const headers = answer.response.headers;
  if (headers && ("Location" in headers || "location" in headers)) return false;
  let servers = 0;
  for (const s of cfg.servers) if (s.ports.includes(port)) servers++;
  return servers <= 1;
}
