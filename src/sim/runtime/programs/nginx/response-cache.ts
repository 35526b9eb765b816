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
      answer = serveNginx(cfg, fs, req, version);
      if (this.answers.size < MAX_ANSWERS) this.answers.set(key, answer);
    }
    return answer;
  }
}
