/**
 * The shell's tokenizer: splits source text into words (kept as quoted/unquoted parts with their
 * expansions already parsed), operators, IO numbers and newlines, and reads here-document bodies
 * after the line that introduced them. Command substitutions are parsed by calling back into the
 * parser, so `$( … )` nests exactly as the grammar says.
 */
import type { ParamOp, Redirect, Script, Word, WordPart } from "./ast.ts";

/** A token. `raw` is the word's source text, for reserved-word checks and messages. */
export type Token =
  | { kind: "word"; word: Word; raw: string; line: number }
  | { kind: "op"; op: string; line: number }
  | { kind: "ionumber"; fd: number; line: number }
  | { kind: "newline"; line: number }
  | { kind: "eof"; line: number };

/** A syntax error, described so each shell flavour can word it its own way. */
export class ShellSyntaxError extends Error {
  constructor(
    /** `unexpected`: a token out of place; `eof`: input ended early; `unterminated`: an open quote. */
    readonly reason: "unexpected" | "eof" | "unterminated",
    readonly line: number,
    /** The offending token, the awaited keyword (for `eof`) or the open quote character. */
    readonly detail = "",
  ) {
    super(`syntax error (${reason}${detail ? ` ${detail}` : ""}) at line ${line}`);
  }
}

/** How the lexer asks the parser for nested command lists. */
export interface NestedParser {
  /** Parses a command list starting at `pos` up to its closing `)`; returns where it ended. */
  parseUntilParen(src: string, pos: number, line: number): { script: Script; end: number; line: number };
  /** Parses a whole text (a backquoted command). */
  parseText(text: string, line: number): Script;
}

const OPERATORS = [
  "&&",
  "||",
  ";;",
  "<<-",
  "<<",
  ">>",
  "<&",
  ">&",
  "<>",
  ">|",
  "&",
  "|",
  ";",
  "<",
  ">",
  "(",
  ")",
];
const META = new Set([" ", "\t", "\n", "|", "&", ";", "<", ">", "(", ")"]);
const SPECIAL_PARAMS = new Set([
  "?",
  "$",
  "!",
  "#",
  "@",
  "*",
  "-",
  "0",
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "7",
  "8",
  "9",
]);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  stripTabs: boolean;
  expand: boolean;
}

/** Builds a word's parts, merging adjacent literals of the same quoting. */
class PartsBuilder {
  readonly parts: WordPart[] = [];

  lit(text: string, quoted: boolean): void {
    if (!text) {
      if (quoted) this.parts.push({ kind: "lit", text: "", quoted: true });
      return;
    }
    const last = this.parts[this.parts.length - 1];
    if (last?.kind === "lit" && last.quoted === quoted) last.text += text;
    else this.parts.push({ kind: "lit", text, quoted });
  }

  push(part: WordPart): void {
    this.parts.push(part);
  }
}

/** Tokenizes shell source on demand. */
export class Lexer {
  pos: number;
  line: number;
  private readonly heredocs: PendingHeredoc[] = [];

  constructor(
    readonly src: string,
    private readonly nested: NestedParser,
    pos = 0,
    line = 1,
  ) {
    this.pos = pos;
    this.line = line;
  }

  /** Queues a here-document whose body starts after the current line. */
  addHeredoc(redirect: Redirect, delimiterRaw: string, stripTabs: boolean): void {
    const expand = !/['"\\]/.test(delimiterRaw);
    const delimiter = delimiterRaw.replace(/['"\\]/g, "");
    this.heredocs.push({ redirect, delimiter, stripTabs, expand });
  }

  /** Scans the next token. */
  next(): Token {
    this.skipBlanksAndComments();
    const line = this.line;
    const c = this.src[this.pos];
    if (c === undefined) {
      if (this.heredocs.length > 0) this.readHeredocBodies();
      return { kind: "eof", line };
    }
    if (c === "\n") {
      this.pos++;
      this.line++;
      this.readHeredocBodies();
      return { kind: "newline", line };
    }
    for (const op of OPERATORS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { kind: "op", op, line };
      }
    }
    const digits = /^\d+(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 4));
    if (digits) {
      this.pos += digits[0].length;
      return { kind: "ionumber", fd: Number(digits[0]), line };
    }
    const start = this.pos;
    const word = this.scanWord();
    return { kind: "word", word, raw: this.src.slice(start, this.pos), line };
  }

  private skipBlanksAndComments(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === " " || c === "\t") this.pos++;
      else if (c === "\\" && this.src[this.pos + 1] === "\n") {
        this.pos += 2;
        this.line++;
      } else if (c === "#") {
        while (this.pos < this.src.length && this.src[this.pos] !== "\n") this.pos++;
      } else return;
    }
  }

  /** An unquoted word, up to a blank or metacharacter. */
  private scanWord(): Word {
    const b = new PartsBuilder();
    let lit = "";
    const flush = () => {
      b.lit(lit, false);
      lit = "";
    };
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined || META.has(c)) break;
      if (c === "\\") {
        const n = this.src[this.pos + 1];
        this.pos += 2;
        if (n === "\n") {
          this.line++;
          continue;
        }
        flush();
        if (n !== undefined) b.lit(n, true);
        continue;
      }
      if (c === "'") {
        flush();
        b.lit(this.scanSingle(), true);
        continue;
      }
      if (c === '"') {
        flush();
        this.pos++;
        this.scanDouble(b, '"');
        continue;
      }
      if (c === "$" || c === "`") {
        const part = this.scanExpansion(false);
        if (part) {
          flush();
          b.push(part);
          continue;
        }
      }
      lit += c;
      this.pos++;
    }
    flush();
    return { parts: b.parts };
  }

  private scanSingle(): string {
    const startLine = this.line;
    const end = this.src.indexOf("'", this.pos + 1);
    if (end < 0) throw new ShellSyntaxError("unterminated", startLine, "'");
    const text = this.src.slice(this.pos + 1, end);
    this.line += countNewlines(text);
    this.pos = end + 1;
    return text;
  }

  /**
   * Double-quoted text up to `close` (`"`), or a here-document body (`close` empty: to the end).
   * Backslash escapes only `$`, `` ` ``, `\`, newline and (in quotes) `"`.
   */
  private scanDouble(b: PartsBuilder, close: string): void {
    const startLine = this.line;
    let lit = "";
    // Why: `""` is an (empty) field of its own, but `"$@"` with no parameters is no field at all.
    let emitted = false;
    const flush = () => {
      if (lit) {
        b.lit(lit, true);
        emitted = true;
      }
      lit = "";
    };
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) {
        if (close) throw new ShellSyntaxError("unterminated", startLine, close);
        break;
      }
      if (close && c === close) {
        this.pos++;
        break;
      }
      if (c === "\\") {
        const n = this.src[this.pos + 1];
        if (n === "\n") {
          this.pos += 2;
          this.line++;
          continue;
        }
        if (n === "$" || n === "`" || n === "\\" || (close && n === close)) {
          lit += n;
          this.pos += 2;
          continue;
        }
        lit += c;
        this.pos++;
        continue;
      }
      if (c === "$" || c === "`") {
        const part = this.scanExpansion(true);
        if (part) {
          flush();
          b.push(part);
          emitted = true;
          continue;
        }
      }
      if (c === "\n") this.line++;
      lit += c;
      this.pos++;
    }
    flush();
    if (!emitted) b.lit("", true);
  }

  /** `$name`, `${…}`, `$(…)`, `$((…))` or a backquoted command; undefined for a lone `$`. */
  private scanExpansion(quoted: boolean): WordPart | undefined {
    const c = this.src[this.pos];
    if (c === "`") return this.scanBackquote(quoted);
    const n = this.src[this.pos + 1];
    if (n === "(") {
      if (this.src[this.pos + 2] === "(") {
        const arith = this.tryArith(quoted);
        if (arith) return arith;
      }
      const r = this.nested.parseUntilParen(this.src, this.pos + 2, this.line);
      this.pos = r.end;
      this.line = r.line;
      return { kind: "cmdsub", body: r.script, quoted };
    }
    if (n === "{") return this.scanBraced(quoted);
    if (n !== undefined && SPECIAL_PARAMS.has(n)) {
      this.pos += 2;
      return { kind: "param", name: n, quoted };
    }
    if (n !== undefined && NAME_START.test(n)) {
      let end = this.pos + 2;
      while (end < this.src.length && NAME_CHAR.test(this.src[end]!)) end++;
      const name = this.src.slice(this.pos + 1, end);
      this.pos = end;
      return { kind: "param", name, quoted };
    }
    return undefined;
  }

  private scanBackquote(quoted: boolean): WordPart {
    const startLine = this.line;
    let text = "";
    let i = this.pos + 1;
    for (;;) {
      const c = this.src[i];
      if (c === undefined) throw new ShellSyntaxError("unterminated", startLine, "`");
      if (c === "`") break;
      if (c === "\\" && (this.src[i + 1] === "`" || this.src[i + 1] === "\\" || this.src[i + 1] === "$")) {
        text += this.src[i + 1];
        i += 2;
        continue;
      }
      text += c;
      i++;
    }
    this.pos = i + 1;
    this.line += countNewlines(text);
    return { kind: "cmdsub", body: this.nested.parseText(text, startLine), quoted };
  }

  /** `$(( expr ))`, when the parentheses balance as arithmetic; else undefined (a `$( (…) )`). */
  private tryArith(quoted: boolean): WordPart | undefined {
    let depth = 0;
    for (let i = this.pos + 3; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === "(") depth++;
      else if (c === ")") {
        if (depth > 0) depth--;
        else if (this.src[i + 1] === ")") {
          const text = this.src.slice(this.pos + 3, i);
          const sub = new Lexer(text, this.nested, 0, this.line);
          const b = new PartsBuilder();
          sub.scanDouble(b, "");
          this.pos = i + 2;
          this.line += countNewlines(text);
          return { kind: "arith", expr: { parts: b.parts }, quoted };
        } else return undefined;
      }
    }
    return undefined;
  }

  private scanBraced(quoted: boolean): WordPart {
    const startLine = this.line;
    this.pos += 2;
    const rest = this.src.slice(this.pos);
    if (rest.startsWith("#") && rest[1] !== "}") {
      const m = /^#([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])\}/.exec(rest);
      if (!m) throw new ShellSyntaxError("unexpected", startLine, "${");
      this.pos += m[0].length;
      return { kind: "length", name: m[1]!, quoted };
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])/.exec(rest);
    if (!m) throw new ShellSyntaxError("unexpected", startLine, "${");
    const name = m[1]!;
    this.pos += name.length;
    if (this.src[this.pos] === "}") {
      this.pos++;
      return { kind: "param", name, quoted };
    }
    const opm = /^(:-|:=|:\?|:\+|%%|##|-|=|\?|\+|%|#)/.exec(this.src.slice(this.pos));
    if (!opm) throw new ShellSyntaxError("unexpected", startLine, "${");
    const op = opm[1] as ParamOp;
    this.pos += op.length;
    const arg = this.scanBraceArg(quoted, startLine);
    return { kind: "param", name, op, arg, quoted };
  }

  /** The word after a `${name<op>` up to the matching `}`. */
  private scanBraceArg(quoted: boolean, startLine: number): Word {
    const b = new PartsBuilder();
    let lit = "";
    const flush = () => {
      b.lit(lit, quoted);
      lit = "";
    };
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) throw new ShellSyntaxError("unterminated", startLine, "${");
      if (c === "}") {
        this.pos++;
        break;
      }
      if (c === "\\") {
        const n = this.src[this.pos + 1] ?? "";
        flush();
        b.lit(n, true);
        this.pos += 2;
        continue;
      }
      if (c === "'" && !quoted) {
        flush();
        b.lit(this.scanSingle(), true);
        continue;
      }
      if (c === '"') {
        flush();
        this.pos++;
        this.scanDouble(b, '"');
        continue;
      }
      if (c === "$" || c === "`") {
        const part = this.scanExpansion(quoted);
        if (part) {
          flush();
          b.push(part);
          continue;
        }
      }
      if (c === "\n") this.line++;
      lit += c;
      this.pos++;
    }
    flush();
    return { parts: b.parts };
  }

  private readHeredocBodies(): void {
    for (const h of this.heredocs.splice(0)) {
      const bodyLine = this.line;
      let body = "";
      for (;;) {
        if (this.pos >= this.src.length) break;
        const nl = this.src.indexOf("\n", this.pos);
        const end = nl < 0 ? this.src.length : nl;
        let text = this.src.slice(this.pos, end);
        this.pos = nl < 0 ? end : end + 1;
        this.line++;
        if (h.stripTabs) text = text.replace(/^\t+/, "");
        if (text === h.delimiter) break;
        body += `${text}\n`;
      }
      if (h.expand) {
        const sub = new Lexer(body, this.nested, 0, bodyLine);
        const b = new PartsBuilder();
        sub.scanDouble(b, "");
        h.redirect.heredoc = { parts: b.parts };
      } else {
        h.redirect.heredoc = { parts: [{ kind: "lit", text: body, quoted: true }] };
      }
    }
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (const c of s) if (c === "\n") n++;
  return n;
}
