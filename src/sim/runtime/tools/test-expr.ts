/**
 * `test`/`[` expressions (XCU test): file tests, string and integer comparisons, `!`, `-a`, `-o`
 * and parentheses, over the virtual filesystem.
 */
import type { Filesystem } from "../vfs.ts";
import { resolvePath } from "../vfs.ts";

/** Why a test expression could not be evaluated. */
export type TestError =
  | { kind: "missing-bracket" }
  | { kind: "bad-number"; arg: string }
  | { kind: "syntax"; arg: string }
  | { kind: "unary-expected"; arg: string };

/** Status 0 (true), 1 (false) or 2 (error, with the reason). */
export type TestResult = { status: 0 | 1 } | { status: 2; error: TestError };

class TestFailure extends Error {
  constructor(readonly error: TestError) {
    super(error.kind);
  }
}

const UNARY_FILE = new Set([
  "-e",
  "-f",
  "-d",
  "-s",
  "-r",
  "-w",
  "-x",
  "-L",
  "-h",
  "-b",
  "-c",
  "-p",
  "-S",
  "-g",
  "-u",
  "-k",
  "-O",
  "-G",
]);
const BINARY = new Set([
  "=",
  "==",
  "!=",
  "<",
  ">",
  "-eq",
  "-ne",
  "-lt",
  "-le",
  "-gt",
  "-ge",
  "-nt",
  "-ot",
  "-ef",
]);

/** Evaluates `test ARGS` (without the closing `]`). */
export function evalTest(args: readonly string[], fs: Filesystem, cwd: string): TestResult {
  try {
    if (args.length === 0) return { status: 1 };
    const e = new TestEval(args, fs, cwd);
    const v = e.run();
    return { status: v ? 0 : 1 };
  } catch (err) {
    if (err instanceof TestFailure) return { status: 2, error: err.error };
    throw err;
  }
}

/** Evaluates `[ ARGS ]`: the last argument must be `]`. */
export function evalBracket(args: readonly string[], fs: Filesystem, cwd: string): TestResult {
  if (args[args.length - 1] !== "]") return { status: 2, error: { kind: "missing-bracket" } };
  return evalTest(args.slice(0, -1), fs, cwd);
}

class TestEval {
  private i = 0;

  constructor(
    private readonly a: readonly string[],
    private readonly fs: Filesystem,
    private readonly cwd: string,
  ) {}

  run(): boolean {
    // Why: POSIX fixes the meaning of 1–4 argument tests by count, before any operator precedence.
    const n = this.a.length;
    const a = this.a;
    if (n === 1) return a[0] !== "";
    if (n === 2 && a[0] === "!") return a[1] === "";
    if (n === 2) return this.unary(a[0]!, a[1]!);
    if (n === 3 && BINARY.has(a[1]!)) return this.binary(a[0]!, a[1]!, a[2]!);
    const v = this.orExpr();
    if (this.i < n) throw new TestFailure({ kind: "syntax", arg: a[this.i]! });
    return v;
  }

  private orExpr(): boolean {
    let v = this.andExpr();
    while (this.a[this.i] === "-o") {
      this.i++;
      const r = this.andExpr();
      v = v || r;
    }
    return v;
  }

  private andExpr(): boolean {
    let v = this.notExpr();
    while (this.a[this.i] === "-a") {
      this.i++;
      const r = this.notExpr();
      v = v && r;
    }
    return v;
  }

  private notExpr(): boolean {
    if (this.a[this.i] === "!") {
      this.i++;
      return !this.notExpr();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.a;
    const t = a[this.i];
    if (t === undefined) throw new TestFailure({ kind: "syntax", arg: a[a.length - 1] ?? "" });
    if (t === "(") {
      this.i++;
      const v = this.orExpr();
      if (a[this.i] !== ")") throw new TestFailure({ kind: "syntax", arg: a[this.i] ?? "(" });
      this.i++;
      return v;
    }
    const op = a[this.i + 1];
    if (op !== undefined && BINARY.has(op) && a[this.i + 2] !== undefined) {
      this.i += 3;
      return this.binary(t, op, a[this.i - 1]!);
    }
    if (/^-[a-zA-Z]$/.test(t) && a[this.i + 1] !== undefined) {
      this.i += 2;
      return this.unary(t, a[this.i - 1]!);
    }
    this.i++;
    return t !== "";
  }

  private unary(op: string, arg: string): boolean {
    if (op === "-n") return arg !== "";
    if (op === "-z") return arg === "";
    if (op === "-t") return false;
    if (!UNARY_FILE.has(op)) throw new TestFailure({ kind: "unary-expected", arg: op });
    const path = resolvePath(this.cwd, arg);
    if (arg === "") return false;
    if (op === "-L" || op === "-h") {
      const r = this.fs.lookup(path, false);
      return r.ok && r.value.kind === "symlink";
    }
    const node = this.fs.stat(path);
    if (!node) return false;
    switch (op) {
      case "-e":
      case "-r":
      case "-w":
        return true;
      case "-f":
        return node.kind === "file";
      case "-d":
        return node.kind === "dir";
      case "-s":
        return node.kind === "dir" || (node.kind === "file" && node.data.length > 0);
      case "-x":
        return node.kind === "dir" || (node.kind === "file" && (node.mode & 0o111) !== 0);
      default:
        return false;
    }
  }

  private binary(l: string, op: string, r: string): boolean {
    switch (op) {
      case "=":
      case "==":
        return l === r;
      case "!=":
        return l !== r;
      case "<":
        return l < r;
      case ">":
        return l > r;
      case "-nt":
      case "-ot": {
        const a = this.fs.stat(resolvePath(this.cwd, l));
        const b = this.fs.stat(resolvePath(this.cwd, r));
        if (!a || !b) return op === "-nt" ? !!a : !!b;
        return op === "-nt" ? a.mtimeMs > b.mtimeMs : a.mtimeMs < b.mtimeMs;
      }
      case "-ef":
        return resolvePath(this.cwd, l) === resolvePath(this.cwd, r);
    }
    const x = integer(l);
    const y = integer(r);
    switch (op) {
      case "-eq":
        return x === y;
      case "-ne":
        return x !== y;
      case "-lt":
        return x < y;
      case "-le":
        return x <= y;
      case "-gt":
        return x > y;
      default:
        return x >= y;
    }
  }
}

function integer(s: string): number {
  const t = s.trim();
  if (!/^[-+]?\d+$/.test(t)) throw new TestFailure({ kind: "bad-number", arg: s });
  return Number(t);
}
