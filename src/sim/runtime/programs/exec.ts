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

/** A view of `ctx` with a different argv; every other property reads and writes through. */
export function withArgv(ctx: ProcessContext, argv: readonly string[]): ProcessContext {
  const view = Object.create(ctx) as ProcessContext;
  Object.defineProperty(view, "argv", { value: argv, enumerable: true });
  for (const key of ["cwd", "stdin", "stdout", "stderr"] as const) {
    Object.defineProperty(view, key, {
      get: () => ctx[key],
      set: (v) => {
        (ctx as unknown as Record<string, unknown>)[key] = v;
      },
      enumerable: true,
    });
  }
  return view;
}

/** Runs `program` in place of the caller (the caller `return yield*`s the result). */
export function execProgram(ctx: ProcessContext, program: Program, argv: readonly string[]): ProcessBody {
  ctx.ns.execed(ctx.pid, argv);
  return program(withArgv(ctx, argv));
}

/** The contents of the executable this process runs (argv[0] resolved as `execvp` would). */
export function ownExecutable(ctx: ProcessContext): string {
  const r = ctx.resolve(ctx.argv[0] ?? "");
  if (!r.ok) return "";
  const data = ctx.fs.readFile(r.path);
  return data.ok ? data.value : "";
}
