/**
 * Shared plumbing for the command-line tools: which message style a tool speaks (busybox applet
 * or GNU coreutils), option parsing, reading input files, and a wrapper for tools that never block.
 */
import type { ProcessBody, ProcessContext, Program } from "../kernel.ts";
import { type Errno, resolvePath, strerror } from "../vfs.ts";

/** Whose wording a tool uses: busybox applets say `can't`, GNU coreutils say `cannot`. */
export type ToolStyle = "busybox" | "gnu";

/** A running tool: its context, style and message helpers. */
export class Tool {
  constructor(
    readonly ctx: ProcessContext,
    readonly style: ToolStyle,
  ) {}

  /** The name messages start with: busybox uses the applet name, GNU tools their argv[0]. */
  get name(): string {
    const a0 = this.ctx.argv[0] ?? "";
    return this.style === "busybox" ? a0.slice(a0.lastIndexOf("/") + 1) : a0;
  }

  /** `can't` (busybox) or `cannot` (GNU). */
  get cant(): string {
    return this.style === "busybox" ? "can't" : "cannot";
  }

  out(text: string): void {
    this.ctx.stdout(text);
  }

  /** Prints `name: message`. */
  error(message: string): void {
    this.ctx.stderr(`${this.name}: ${message}\n`);
  }

  /** An absolute path for an operand. */
  path(p: string): string {
    return resolvePath(this.ctx.cwd, p);
  }

  /** Reads an operand (`-` is standard input, /dev/null is empty). */
  read(operand: string): { ok: true; value: string } | { ok: false; errno: Errno } {
    if (operand === "-") {
      const text = this.ctx.stdin;
      this.ctx.stdin = "";
      return { ok: true, value: text };
    }
    if (operand === "/dev/null" || operand === "/dev/zero") return { ok: true, value: "" };
    return this.ctx.fs.readFile(this.path(operand));
  }

  /** `cat`-style open error: busybox `can't open 'x': …`, GNU `x: …`. */
  openError(operand: string, e: Errno): void {
    this.error(
      this.style === "busybox" ? `can't open '${operand}': ${strerror(e)}` : `${operand}: ${strerror(e)}`,
    );
  }
}

/** Parsed command-line options. */
export interface Options {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
  /** An unknown option letter, if any. */
  bad?: string;
}

/**
 * Parses short options getopt-style: `spec` lists the letters, a letter followed by `:` takes a
 * value (`-n 5` or `-n5`). Options may follow operands (GNU and busybox both permute); `--` ends them.
 * `long` maps long option names (`--spider`, `--output-document=`) to letters.
 */
export function parseOptions(
  args: readonly string[],
  spec: string,
  long: Record<string, string> = {},
): Options {
  const takesValue = new Set<string>();
  const known = new Set<string>();
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    if (c === ":") continue;
    known.add(c);
    if (spec[i + 1] === ":") takesValue.add(c);
  }
  const o: Options = { flags: new Set(), values: new Map(), operands: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      o.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const letter = long[name];
      if (!letter) {
        o.bad ??= a;
        continue;
      }
      if (takesValue.has(letter)) o.values.set(letter, eq < 0 ? (args[++i] ?? "") : a.slice(eq + 1));
      else o.flags.add(letter);
      continue;
    }
    if (!a.startsWith("-") || a === "-") {
      o.operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (!known.has(c)) {
        o.bad ??= c;
        continue;
      }
      if (takesValue.has(c)) {
        o.values.set(c, j + 1 < a.length ? a.slice(j + 1) : (args[++i] ?? ""));
        break;
      }
      o.flags.add(c);
    }
  }
  return o;
}

/** A tool that never blocks: runs `fn` and exits with its status. */
export function syncTool(style: ToolStyle, fn: (t: Tool, args: string[]) => number): Program {
  return (ctx) => runSync(new Tool(ctx, style), fn);
}

// biome-ignore lint/correctness/useYield: a program body must be a generator even when it never blocks.
function* runSync(t: Tool, fn: (t: Tool, args: string[]) => number): ProcessBody {
  return fn(t, t.ctx.argv.slice(1));
}

/** A tool that may block, written as a generator over a Tool. */
export function blockingTool(style: ToolStyle, fn: (t: Tool, args: string[]) => ProcessBody): Program {
  return (ctx) => {
    const t = new Tool(ctx, style);
    return fn(t, ctx.argv.slice(1));
  };
}
