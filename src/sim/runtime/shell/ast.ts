/**
 * The shell's syntax tree: the POSIX grammar's shapes (lists, and-or lists, pipelines, simple and
 * compound commands) with words kept as parts so expansion knows what was quoted.
 */

/** One piece of a word before expansion. `quoted` parts are exempt from field splitting and globbing. */
export type WordPart =
  | { kind: "lit"; text: string; quoted: boolean }
  | { kind: "param"; name: string; op?: ParamOp; arg?: Word; quoted: boolean }
  | { kind: "length"; name: string; quoted: boolean }
  | { kind: "cmdsub"; body: Script; quoted: boolean }
  | { kind: "arith"; expr: Word; quoted: boolean };

/** `${name<op>arg}` operators. */
export type ParamOp = ":-" | "-" | ":=" | "=" | ":?" | "?" | ":+" | "+" | "%" | "%%" | "#" | "##";

/** A word: the concatenation of its parts. */
export interface Word {
  parts: WordPart[];
}

/** A redirection such as `2>&1`, `>>log` or a here-document. */
export interface Redirect {
  fd: number;
  op: "<" | ">" | ">>" | ">|" | "<>" | ">&" | "<&" | "<<" | "<<-";
  target: Word;
  /** Here-document body (already a word; literal when the delimiter was quoted). */
  heredoc?: Word;
}

/** `NAME=value`. */
export interface Assignment {
  name: string;
  value: Word;
}

/** A simple command: assignments, words and redirections. */
export interface SimpleCommand {
  kind: "simple";
  assigns: Assignment[];
  words: Word[];
  redirects: Redirect[];
  line: number;
}

/** `( list )`: runs in a subshell. */
export interface Subshell {
  kind: "subshell";
  body: Script;
  redirects: Redirect[];
  line: number;
}

/** `{ list; }`: runs in the current shell. */
export interface Group {
  kind: "group";
  body: Script;
  redirects: Redirect[];
  line: number;
}

/** `if … then … [elif … then …] [else …] fi`. */
export interface IfCommand {
  kind: "if";
  branches: { cond: Script; body: Script }[];
  orElse?: Script;
  redirects: Redirect[];
  line: number;
}

/** `while`/`until` loops. */
export interface LoopCommand {
  kind: "while" | "until";
  cond: Script;
  body: Script;
  redirects: Redirect[];
  line: number;
}

/** `for name [in words]; do …; done` (no `in`: the positional parameters). */
export interface ForCommand {
  kind: "for";
  name: string;
  items?: Word[];
  body: Script;
  redirects: Redirect[];
  line: number;
}

/** `case word in pattern) … ;; esac`. */
export interface CaseCommand {
  kind: "case";
  subject: Word;
  arms: { patterns: Word[]; body: Script }[];
  redirects: Redirect[];
  line: number;
}

/** `name() compound-command`. */
export interface FunctionDef {
  kind: "function";
  name: string;
  body: Command;
  redirects: Redirect[];
  line: number;
}

/** Any command. */
export type Command =
  | SimpleCommand
  | Subshell
  | Group
  | IfCommand
  | LoopCommand
  | ForCommand
  | CaseCommand
  | FunctionDef;

/** `[!] cmd | cmd | …`. */
export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

/** `pipeline && pipeline || …`. */
export interface AndOr {
  first: Pipeline;
  rest: { op: "&&" | "||"; pipeline: Pipeline }[];
  /** Run asynchronously (`&`). */
  background: boolean;
}

/** A list of and-or lists run in turn. */
export interface Script {
  items: AndOr[];
}
