/**
 * A recursive-descent parser for the POSIX shell grammar (XCU 2.10): lists, and-or lists,
 * pipelines, simple commands with assignments and redirections, `( )`, `{ }`, `if`, `while`,
 * `until`, `for`, `case` and function definitions. Reserved words are recognised only where the
 * grammar expects a command. Top-level commands can be parsed one at a time, so a script runs
 * line by line the way `sh` reads it (a syntax error on line 3 does not stop lines 1–2).
 */
import type { AndOr, Assignment, Command, Pipeline, Redirect, Script, SimpleCommand, Word } from "./ast.ts";
import { Lexer, type NestedParser, ShellSyntaxError, type Token } from "./lexer.ts";

const RESERVED = new Set([
  "if",
  "then",
  "else",
  "elif",
  "fi",
  "do",
  "done",
  "case",
  "esac",
  "while",
  "until",
  "for",
  "{",
  "}",
  "!",
  "in",
]);
/** Words that end a compound list. */
const LIST_END = new Set(["then", "else", "elif", "fi", "do", "done", "esac", "}"]);
const REDIRECT_OPS = new Set(["<", ">", ">>", ">|", "<>", ">&", "<&", "<<", "<<-"]);

/** The text of a word when it is one unquoted literal (how reserved words are recognised). */
export function plainText(word: Word): string | undefined {
  if (word.parts.length !== 1) return undefined;
  const p = word.parts[0]!;
  return p.kind === "lit" && !p.quoted ? p.text : undefined;
}

/** Parses shell source. */
export class Parser implements NestedParser {
  private readonly lexer: Lexer;
  private readonly ahead: Token[] = [];

  constructor(src: string, pos = 0, line = 1) {
    this.lexer = new Lexer(src, this, pos, line);
  }

  /** Parses a whole script. */
  static parse(src: string): Script {
    const p = new Parser(src);
    const items: AndOr[] = [];
    for (let s = p.nextCommandLine(); s; s = p.nextCommandLine()) items.push(...s.items);
    return { items };
  }

  /** The next top-level line of commands (up to a newline), or undefined at the end. */
  nextCommandLine(): Script | undefined {
    this.skipNewlines();
    if (this.peek().kind === "eof") return undefined;
    const items: AndOr[] = [];
    for (;;) {
      const andOr = this.parseAndOr();
      items.push(andOr);
      const t = this.peek();
      if (t.kind === "op" && (t.op === ";" || t.op === "&")) {
        this.take();
        andOr.background = t.op === "&";
        const after = this.peek();
        if (after.kind === "newline" || after.kind === "eof") break;
        continue;
      }
      if (t.kind === "newline" || t.kind === "eof") break;
      throw this.unexpected(t);
    }
    return { items };
  }

  parseUntilParen(src: string, pos: number, line: number): { script: Script; end: number; line: number } {
    const sub = new Parser(src, pos, line);
    const script = sub.parseList();
    const close = sub.take();
    if (close.kind !== "op" || close.op !== ")") throw sub.unexpected(close, ")");
    return { script, end: sub.lexer.pos, line: sub.lexer.line };
  }

  parseText(text: string, line: number): Script {
    const sub = new Parser(text, 0, line);
    const script = sub.parseList();
    const t = sub.peek();
    if (t.kind !== "eof") throw sub.unexpected(t);
    return script;
  }

  private peek(n = 0): Token {
    while (this.ahead.length <= n) this.ahead.push(this.lexer.next());
    return this.ahead[n]!;
  }

  private take(): Token {
    const t = this.peek();
    this.ahead.shift();
    return t;
  }

  private unexpected(t: Token, expecting = ""): ShellSyntaxError {
    if (t.kind === "eof") return new ShellSyntaxError("eof", t.line, expecting);
    const text =
      t.kind === "word" ? t.raw : t.kind === "op" ? t.op : t.kind === "newline" ? "newline" : String(t.fd);
    return new ShellSyntaxError("unexpected", t.line, text);
  }

  private skipNewlines(): void {
    while (this.peek().kind === "newline") this.take();
  }

  private isKeyword(t: Token, ...words: string[]): boolean {
    return t.kind === "word" && words.includes(plainText(t.word) ?? "");
  }

  private expectKeyword(word: string): void {
    const t = this.take();
    if (!this.isKeyword(t, word)) throw this.unexpected(t, word);
  }

  /** A compound list: and-or lists separated by `;`, `&` or newlines, up to a closing token. */
  private parseList(): Script {
    const items: AndOr[] = [];
    this.skipNewlines();
    for (;;) {
      const t = this.peek();
      if (t.kind === "eof") break;
      if (t.kind === "op" && (t.op === ")" || t.op === ";;")) break;
      if (t.kind === "word" && LIST_END.has(plainText(t.word) ?? "")) break;
      const andOr = this.parseAndOr();
      items.push(andOr);
      const sep = this.peek();
      if (sep.kind === "op" && (sep.op === ";" || sep.op === "&")) {
        this.take();
        andOr.background = sep.op === "&";
        this.skipNewlines();
      } else if (sep.kind === "newline") {
        this.skipNewlines();
      } else break;
    }
    return { items };
  }

  /** A list that must not be empty (the body of `if`, `while`, …). */
  private parseBody(expecting: string): Script {
    const s = this.parseList();
    if (s.items.length === 0) throw this.unexpected(this.peek(), expecting);
    return s;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr["rest"] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind !== "op" || (t.op !== "&&" && t.op !== "||")) break;
      this.take();
      this.skipNewlines();
      rest.push({ op: t.op, pipeline: this.parsePipeline() });
    }
    return { first, rest, background: false };
  }

  private parsePipeline(): Pipeline {
    let negate = false;
    if (this.isKeyword(this.peek(), "!")) {
      this.take();
      negate = true;
    }
    const commands: Command[] = [this.parseCommand()];
    for (;;) {
      const t = this.peek();
      if (t.kind !== "op" || t.op !== "|") break;
      this.take();
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return { negate, commands };
  }

  private parseCommand(): Command {
    const t = this.peek();
    const line = t.line;
    if (t.kind === "op" && t.op === "(") {
      this.take();
      const body = this.parseList();
      const close = this.take();
      if (close.kind !== "op" || close.op !== ")") throw this.unexpected(close, ")");
      return { kind: "subshell", body, redirects: this.parseRedirects(), line };
    }
    if (t.kind === "word") {
      const kw = plainText(t.word);
      switch (kw) {
        case "{": {
          this.take();
          const body = this.parseBody("}");
          this.expectKeyword("}");
          return { kind: "group", body, redirects: this.parseRedirects(), line };
        }
        case "if":
          return this.parseIf();
        case "while":
        case "until": {
          this.take();
          const cond = this.parseBody("do");
          this.expectKeyword("do");
          const body = this.parseBody("done");
          this.expectKeyword("done");
          return { kind: kw, cond, body, redirects: this.parseRedirects(), line };
        }
        case "for":
          return this.parseFor();
        case "case":
          return this.parseCase();
        case "function":
          return this.parseFunction(true);
      }
      if (kw !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(kw) && !RESERVED.has(kw)) {
        const n = this.peek(1);
        if (n.kind === "op" && n.op === "(") return this.parseFunction(false);
      }
      if (kw !== undefined && RESERVED.has(kw) && kw !== "{" && kw !== "!") throw this.unexpected(t);
    }
    return this.parseSimple();
  }

  private parseFunction(keyword: boolean): Command {
    const first = this.take();
    const line = first.line;
    const nameTok = keyword ? this.take() : first;
    const name = nameTok.kind === "word" ? plainText(nameTok.word) : undefined;
    if (!name) throw this.unexpected(nameTok);
    const open = this.peek();
    if (open.kind === "op" && open.op === "(") {
      this.take();
      const close = this.take();
      if (close.kind !== "op" || close.op !== ")") throw this.unexpected(close, ")");
    } else if (!keyword) throw this.unexpected(open);
    this.skipNewlines();
    const body = this.parseCommand();
    if (body.kind === "simple" || body.kind === "function") throw this.unexpected(this.peek());
    return { kind: "function", name, body, redirects: [], line };
  }

  private parseIf(): Command {
    const line = this.take().line;
    const branches: { cond: Script; body: Script }[] = [];
    let orElse: Script | undefined;
    for (;;) {
      const cond = this.parseBody("then");
      this.expectKeyword("then");
      const body = this.parseBody("fi");
      branches.push({ cond, body });
      const t = this.take();
      if (this.isKeyword(t, "elif")) continue;
      if (this.isKeyword(t, "else")) {
        orElse = this.parseBody("fi");
        this.expectKeyword("fi");
        break;
      }
      if (this.isKeyword(t, "fi")) break;
      throw this.unexpected(t, "fi");
    }
    const cmd: Command = { kind: "if", branches, redirects: this.parseRedirects(), line };
    if (orElse) cmd.orElse = orElse;
    return cmd;
  }

  private parseFor(): Command {
    const line = this.take().line;
    const nameTok = this.take();
    const name = nameTok.kind === "word" ? plainText(nameTok.word) : undefined;
    if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw this.unexpected(nameTok);
    this.skipNewlines();
    let items: Word[] | undefined;
    if (this.isKeyword(this.peek(), "in")) {
      this.take();
      items = [];
      for (let t = this.peek(); t.kind === "word"; t = this.peek()) {
        this.take();
        items.push(t.word);
      }
      const sep = this.peek();
      if (sep.kind === "op" && sep.op === ";") this.take();
      else if (sep.kind !== "newline") throw this.unexpected(sep, "do");
    } else {
      const sep = this.peek();
      if (sep.kind === "op" && sep.op === ";") this.take();
    }
    this.skipNewlines();
    this.expectKeyword("do");
    const body = this.parseBody("done");
    this.expectKeyword("done");
    const cmd: Command = { kind: "for", name, body, redirects: this.parseRedirects(), line };
    if (items) cmd.items = items;
    return cmd;
  }

  private parseCase(): Command {
    const line = this.take().line;
    const subjectTok = this.take();
    if (subjectTok.kind !== "word") throw this.unexpected(subjectTok);
    this.skipNewlines();
    this.expectKeyword("in");
    this.skipNewlines();
    const arms: { patterns: Word[]; body: Script }[] = [];
    while (!this.isKeyword(this.peek(), "esac")) {
      let t = this.take();
      if (t.kind === "op" && t.op === "(") t = this.take();
      const patterns: Word[] = [];
      for (;;) {
        if (t.kind !== "word") throw this.unexpected(t);
        patterns.push(t.word);
        const sep = this.take();
        if (sep.kind === "op" && sep.op === "|") {
          t = this.take();
          continue;
        }
        if (sep.kind === "op" && sep.op === ")") break;
        throw this.unexpected(sep, ")");
      }
      const body = this.parseList();
      arms.push({ patterns, body });
      const end = this.peek();
      if (end.kind === "op" && end.op === ";;") {
        this.take();
        this.skipNewlines();
        continue;
      }
      if (!this.isKeyword(end, "esac")) throw this.unexpected(end, "esac");
    }
    this.take();
    return { kind: "case", subject: subjectTok.word, arms, redirects: this.parseRedirects(), line };
  }

  private parseRedirects(): Redirect[] {
    const out: Redirect[] = [];
    for (let r = this.tryRedirect(); r; r = this.tryRedirect()) out.push(r);
    return out;
  }

  private tryRedirect(): Redirect | undefined {
    const t = this.peek();
    let fd: number | undefined;
    let opTok: Token = t;
    if (t.kind === "ionumber") {
      fd = t.fd;
      opTok = this.peek(1);
    }
    if (opTok.kind !== "op" || !REDIRECT_OPS.has(opTok.op)) return undefined;
    if (fd !== undefined) this.take();
    this.take();
    const op = opTok.op as Redirect["op"];
    const target = this.take();
    if (target.kind !== "word") throw this.unexpected(target);
    const redirect: Redirect = { fd: fd ?? (op.startsWith("<") ? 0 : 1), op, target: target.word };
    if (op === "<<" || op === "<<-") this.lexer.addHeredoc(redirect, target.raw, op === "<<-");
    return redirect;
  }

  private parseSimple(): SimpleCommand {
    const line = this.peek().line;
    const cmd: SimpleCommand = { kind: "simple", assigns: [], words: [], redirects: [], line };
    for (;;) {
      const r = this.tryRedirect();
      if (r) {
        cmd.redirects.push(r);
        continue;
      }
      const t = this.peek();
      if (t.kind !== "word") break;
      this.take();
      const assign = cmd.words.length === 0 ? asAssignment(t.word) : undefined;
      if (assign) cmd.assigns.push(assign);
      else cmd.words.push(t.word);
    }
    if (cmd.assigns.length === 0 && cmd.words.length === 0 && cmd.redirects.length === 0) {
      throw this.unexpected(this.peek());
    }
    return cmd;
  }
}

/** `NAME=value` as an assignment, when the word starts with an unquoted valid name and `=`. */
function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (first?.kind !== "lit" || first.quoted) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
  if (!m) return undefined;
  const rest = first.text.slice(m[0].length);
  const parts = [...(rest ? [{ ...first, text: rest }] : []), ...word.parts.slice(1)];
  return { name: m[1]!, value: { parts } };
}
