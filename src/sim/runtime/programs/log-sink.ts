/**
 * Where a server's log file goes. Official images link their log files to the container's output
 * (`/var/log/nginx/access.log → /dev/stdout`), so a sink follows symlinks and writes to the
 * process's stdout/stderr for the standard devices, and appends to the file otherwise.
 */
import { type DeferringSink, discardSink, forwardingSink } from "../deferred-output.ts";
import type { ProcessContext } from "../kernel.ts";
import { resolvePath } from "../vfs.ts";

/**
 * Writes one chunk of log text; `file` is the file it appends to, if it writes to a file. A sink to
 * a stream or nowhere also takes deferred lines (`deferredWriter`).
 */
export type LogSink = DeferringSink & { file?: string };

const STDOUT = new Set(["/dev/stdout", "/proc/self/fd/1", "/dev/fd/1", "/proc/1/fd/1"]);
const STDERR = new Set(["/dev/stderr", "/proc/self/fd/2", "/dev/fd/2", "/proc/1/fd/2"]);

/** A sink for a log path; `off`, `/dev/null` drop; `stderr`/`stdout` are the streams. */
export function logSink(ctx: ProcessContext, path: string): LogSink {
  if (path === "off" || path === "/dev/null") return discardSink();
  if (path === "stderr") return forwardingSink(() => ctx.stderr);
  if (path === "stdout") return forwardingSink(() => ctx.stdout);
  let target = resolvePath(ctx.cwd, path);
  for (let hops = 0; hops < 8; hops++) {
    // Why peek: only the link's target is read; an owning lookup would copy the image's nodes.
    const n = ctx.fs.peek(target, false);
    if (n?.kind !== "symlink") break;
    target = resolvePath(target.slice(0, target.lastIndexOf("/")) || "/", n.target);
  }
  if (STDOUT.has(target)) return forwardingSink(() => ctx.stdout);
  if (STDERR.has(target)) return forwardingSink(() => ctx.stderr);
  if (target === "/dev/null") return discardSink();
  const sink: LogSink = (t) => {
    ctx.fs.writeFile(target, t, true);
  };
  sink.file = target;
  return sink;
}
