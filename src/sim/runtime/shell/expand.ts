/**
 * Word expansion (XCU 2.6): tilde, parameter, command substitution and arithmetic expansion, then
 * field splitting on IFS and pathname expansion, with quote removal. A word expands to fields
 * (command arguments), to one string (assignments, redirection targets) or to a pattern (`case`).
 */
import type { Syscall, SyscallResult } from "../kernel.ts";
import type { Filesystem } from "../vfs.ts";
import { ArithError, evalArith } from "./arith.ts";
import type { Script, Word, WordPart } from "./ast.ts";
import { globPaths, hasGlob, quotePattern, removeAffix } from "./pattern.ts";

/** A generator that may block (command substitution runs commands). */
export type Gen<T> = Generator<Syscall, T, SyscallResult>;

/** An error that ends a non-interactive shell (or subshell): message printed, then exit. */
export class ShellFatal extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** What expansion needs from the shell. */
export interface ExpansionHost {
  readonly fs: Filesystem;
  readonly cwd: string;
  /** A variable or special parameter (`?`, `$`, `!`, `#`, `-`, `0`…`9`); undefined when unset. */
  lookup(name: string): string | undefined;
  /** The positional parameters `$1…`. */
  positional(): readonly string[];
  assign(name: string, value: string): void;
  /** Runs a command substitution and returns its output (trailing newlines kept). */
  commandSubst(body: Script): Gen<string>;
  readonly nounset: boolean;
  readonly noglob: boolean;
  /** Status a fatal expansion error exits with. */
  readonly fatalStatus: number;
}

type Segment = { text: string; quoted: boolean; split: boolean } | { brk: true };

interface Field {
  text: string;
  pattern: string;
  has: boolean;
}

/** Expands words for one shell. */
export class Expander {
  constructor(private readonly host: ExpansionHost) {}

  /** Expands words into command arguments (split and globbed). */
  *fields(words: readonly Word[]): Gen<string[]> {
    const out: string[] = [];
    for (const w of words) out.push(...(yield* this.wordFields(w)));
    return out;
  }

  /** Expands a word into a single string (no splitting, no globbing). */
  *string(word: Word): Gen<string> {
    const segs = yield* this.segments(word.parts, true);
    return segs.map((s) => ("brk" in s ? " " : s.text)).join("");
  }

  /** Expands a word into a pattern: quoted characters escaped, unquoted wildcards active. */
  *pattern(word: Word): Gen<string> {
    const segs = yield* this.segments(word.parts, true);
    return segs.map((s) => ("brk" in s ? " " : s.quoted ? quotePattern(s.text) : s.text)).join("");
  }

  private *wordFields(word: Word): Gen<string[]> {
    const segs = yield* this.segments(word.parts, false);
    const fields: Field[] = [];
    let cur: Field = { text: "", pattern: "", has: false };
    const ifs = this.host.lookup("IFS") ?? " \t\n";
    const isIfs = (c: string) => ifs.includes(c);
    const pushCur = () => {
      fields.push(cur);
      cur = { text: "", pattern: "", has: false };
    };
    for (const s of segs) {
      if ("brk" in s) {
        pushCur();
        continue;
      }
      if (!s.split || ifs === "") {
        cur.text += s.text;
        cur.pattern += s.quoted ? quotePattern(s.text) : s.text;
        cur.has ||= s.quoted || s.text !== "";
        continue;
      }
      const pieces = splitIfs(s.text, ifs);
      if (s.text && isIfs(s.text[0]!) && cur.has) pushCur();
      pieces.forEach((p, i) => {
        if (i > 0) pushCur();
        cur.text += p;
        cur.pattern += p;
        cur.has = true;
      });
      if (pieces.length > 0 && s.text && isIfs(s.text[s.text.length - 1]!)) pushCur();
    }
    if (cur.has) fields.push(cur);
    const out: string[] = [];
    for (const f of fields) {
      if (!this.host.noglob && hasGlob(f.pattern)) {
        const matches = globPaths(this.host.fs, this.host.cwd, f.pattern);
        if (matches.length > 0) {
          out.push(...matches);
          continue;
        }
      }
      out.push(f.text);
    }
    return out;
  }

  /** Expands parts into segments. `joined`: the context is a single string (`"$@"` joins). */
  private *segments(parts: readonly WordPart[], joined: boolean): Gen<Segment[]> {
    const out: Segment[] = [];
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      switch (p.kind) {
        case "lit": {
          let text = p.text;
          if (i === 0 && !p.quoted && /^~(\/|$)/.test(text)) {
            out.push({ text: this.host.lookup("HOME") ?? "/", quoted: true, split: false });
            text = text.slice(1);
          }
          out.push({ text, quoted: p.quoted, split: false });
          break;
        }
        case "param":
          out.push(...(yield* this.param(p, joined)));
          break;
        case "length": {
          const v =
            p.name === "@" || p.name === "*"
              ? String(this.host.positional().length)
              : (this.lookupChecked(p.name) ?? "");
          out.push({
            text: p.name === "@" || p.name === "*" ? v : String([...v].length),
            quoted: p.quoted,
            split: !p.quoted,
          });
          break;
        }
        case "cmdsub": {
          const text = (yield* this.host.commandSubst(p.body)).replace(/\n+$/, "");
          out.push({ text, quoted: p.quoted, split: !p.quoted });
          break;
        }
        case "arith": {
          const expr = yield* this.string(p.expr);
          let v: number;
          try {
            v = evalArith(expr, {
              get: (n) => this.host.lookup(n),
              set: (n, val) => this.host.assign(n, val),
            });
          } catch (e) {
            if (e instanceof ArithError)
              throw new ShellFatal(`arithmetic: ${e.message}`, this.host.fatalStatus);
            throw e;
          }
          out.push({ text: String(v), quoted: p.quoted, split: !p.quoted });
          break;
        }
      }
    }
    return out;
  }

  private lookupChecked(name: string): string | undefined {
    const v = this.host.lookup(name);
    if (v === undefined && this.host.nounset && name !== "@" && name !== "*") {
      throw new ShellFatal(`${name}: parameter not set`, this.host.fatalStatus);
    }
    return v;
  }

  private *param(p: Extract<WordPart, { kind: "param" }>, joined: boolean): Gen<Segment[]> {
    const { name, op, quoted } = p;
    if ((name === "@" || name === "*") && !op) return this.positionalSegments(name, quoted, joined);
    const value = op ? this.host.lookup(name) : this.lookupChecked(name);
    const plain = (text: string): Segment[] => [{ text, quoted, split: !quoted }];
    if (!op) return plain(value ?? "");
    const arg = p.arg ?? { parts: [] };
    const colon = op.startsWith(":");
    const missing = value === undefined || (colon && value === "");
    switch (op) {
      case ":-":
      case "-":
        return missing ? yield* this.segments(arg.parts, joined) : plain(value ?? "");
      case ":=":
      case "=": {
        if (!missing) return plain(value ?? "");
        const v = yield* this.string(arg);
        this.host.assign(name, v);
        return plain(v);
      }
      case ":?":
      case "?": {
        if (!missing) return plain(value ?? "");
        const msg = yield* this.string(arg);
        throw new ShellFatal(
          `${name}: ${msg || (value === undefined ? "parameter not set" : "parameter null or not set")}`,
          this.host.fatalStatus,
        );
      }
      case ":+":
      case "+":
        return missing ? [] : yield* this.segments(arg.parts, joined);
      default: {
        const pattern = yield* this.pattern(arg);
        return plain(removeAffix(value ?? "", pattern, op));
      }
    }
  }

  private positionalSegments(name: "@" | "*", quoted: boolean, joined: boolean): Segment[] {
    const params = this.host.positional();
    if (quoted && name === "*") {
      const sep = (this.host.lookup("IFS") ?? " ").slice(0, 1);
      return [{ text: params.join(sep), quoted: true, split: false }];
    }
    if (joined) return [{ text: params.join(" "), quoted, split: false }];
    const out: Segment[] = [];
    params.forEach((v, i) => {
      if (i > 0) out.push({ brk: true });
      out.push({ text: v, quoted, split: !quoted });
    });
    return out;
  }
}

function splitIfs(text: string, ifs: string): string[] {
  const ws = [...ifs].filter((c) => c === " " || c === "\t" || c === "\n").join("");
  const other = [...ifs].filter((c) => !ws.includes(c)).join("");
  const esc = (s: string) => s.replace(/[\\\]^-]/g, "\\$&");
  if (!other) return text.split(new RegExp(`[${esc(ws)}]+`)).filter((s) => s !== "");
  const trimmed = ws ? text.replace(new RegExp(`^[${esc(ws)}]+|[${esc(ws)}]+$`, "g"), "") : text;
  const sep = new RegExp(
    `${ws ? `[${esc(ws)}]*` : ""}[${esc(other)}]${ws ? `[${esc(ws)}]*` : ""}|[${esc(ws || other)}]+`,
  );
  const pieces = trimmed.split(sep);
  if (pieces.length > 0 && pieces[pieces.length - 1] === "") pieces.pop();
  return pieces;
}
