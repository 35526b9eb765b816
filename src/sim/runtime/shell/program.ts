/**
 * The shell as a program: parses `sh`'s command line (`-c 'script' [name [args…]]`, a script
 * file, or a script on standard input, with `-e`/`-x`/`-u` options) and runs the interpreter.
 */
import type { ProcessContext, Program } from "../kernel.ts";
import { resolvePath } from "../vfs.ts";
import { flavourFor } from "./flavour.ts";
import { takeForkBody } from "./fork.ts";
import { Interpreter } from "./interpreter.ts";
import { InputStream, Io } from "./io.ts";

/** A shell program for a program id (`busybox/sh`, `debian/sh`, `debian/bash`, …). */
export function shellProgram(programId: string): Program {
  return (ctx) => takeForkBody()?.(ctx) ?? runShell(ctx, programId);
}

function* runShell(ctx: ProcessContext, programId: string): ReturnType<Program> {
  const flavour = flavourFor(programId);
  const args = ctx.argv.slice(1);
  const arg0 = ctx.argv[0] ?? "sh";
  const flags = new Set<string>();
  let command: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--" || a === "-") {
      i++;
      break;
    }
    if (!/^[-+][a-zA-Z]+$/.test(a)) break;
    for (const f of a.slice(1)) flags.add(f);
  }
  const io = new Io(
    new InputStream(ctx.stdin),
    new Map([
      [1, ctx.stdout],
      [2, ctx.stderr],
    ]),
  );
  let source: string;
  let name = arg0;
  let named = false;
  if (flags.has("c")) {
    command = args[i++];
    if (command === undefined) {
      ctx.stderr(`${arg0}: -c requires an argument\n`);
      return 2;
    }
    source = command;
    if (i < args.length) {
      name = args[i++]!;
      named = true;
    }
  } else if (i < args.length && !flags.has("s")) {
    const file = args[i++]!;
    const r = ctx.fs.readFile(resolvePath(ctx.cwd, file));
    if (!r.ok) {
      const msg =
        flavour.name === "ash"
          ? `${arg0}: can't open '${file}': No such file or directory`
          : flavour.name === "dash"
            ? `${arg0}: 0: cannot open ${file}: No such file`
            : `${arg0}: ${file}: No such file or directory`;
      ctx.stderr(`${msg}\n`);
      return flavour.name === "bash" ? 127 : 2;
    }
    source = r.value;
    name = file;
    named = true;
  } else {
    source = ctx.stdin;
    io.stdin = new InputStream("");
  }
  const sh = new Interpreter(ctx, flavour, { arg0: name, named, programId, rootPid: ctx.pid }, io);
  sh.state.positional = args.slice(i);
  sh.state.options.errexit = flags.has("e");
  sh.state.options.xtrace = flags.has("x");
  sh.state.options.nounset = flags.has("u");
  sh.state.options.noglob = flags.has("f");
  return yield* sh.main(source);
}
