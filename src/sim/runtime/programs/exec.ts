/**
 * `exec` for entrypoint scripts. The kernel has no exec system call, so a script that ends in
 * `exec "$@"` (nginx's, redis's and postgres's docker-entrypoint.sh, httpd-foreground) runs the
 * next program inside its own process: same pid, same signal dispositions, new argv — which is
 * what exec means for everything the simulation can observe except `ps`'s command line.
 */
import type { ProcessBody, ProcessContext, Program } from "../kernel.ts";
import type { Errno } from "../vfs.ts";

/** The program an executable name resolves to, as `execvp` would find it. */
export function findProgram(
  ctx: ProcessContext,
  command: string,
): { ok: true; program: Program; path: string } | { ok: false; errno: Errno } {
  const r = ctx.resolve(command);
  if (!r.ok) return r;
  const program = ctx.ns.kernel.programs.get(r.program);
  return program ? { ok: true, program, path: r.path } : { ok: false, errno: "EACCES" };
}

/**
 * Runs `program` in place of the caller (the caller `return yield*`s the result): the process's
 * context gets the new argv and is handed on as it is.
 *
 * Why not a view of the context: exec replaces the process's image, so the old program never
 * reads its argv again, and the new one should see the context itself — a view built on the old
 * one as its prototype lost every inherited property when a shell copied it for its own `exec`
 * (`sh -c '… exec cat …'` as the entrypoint's command), and each read through it cost a getter.
 */
export function execProgram(ctx: ProcessContext, program: Program, argv: readonly string[]): ProcessBody {
  ctx.ns.execed(ctx.pid, argv);
  (ctx as { argv: readonly string[] }).argv = argv;
  return program(ctx);
}

/** The contents of the executable this process runs (argv[0] resolved as `execvp` would). */
export function ownExecutable(ctx: ProcessContext): string {
  const r = ctx.resolve(ctx.argv[0] ?? "");
  if (!r.ok) return "";
  const data = ctx.fs.readFile(r.path);
  return data.ok ? data.value : "";
}
