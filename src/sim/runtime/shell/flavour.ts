/**
 * Shell flavours: busybox `ash`, Debian's `dash` (`/bin/sh`) and `bash` run the same language but
 * word their errors differently. A flavour formats every message the interpreter prints, so
 * `kubectl logs` shows what the real image would.
 */
import type { Errno } from "../vfs.ts";
import { strerror } from "../vfs.ts";
import type { ShellSyntaxError } from "./lexer.ts";

/** Which shell. */
export type FlavourName = "ash" | "dash" | "bash";

/** Where a message comes from: the shell's `$0`, the current line, and whether a script name was given. */
export interface MessageSite {
  arg0: string;
  line: number;
  /** True when running a script file or `sh -c '…' name` (ash then adds `line N:`). */
  named: boolean;
}

/** How one shell words its errors. */
export interface ShellFlavour {
  readonly name: FlavourName;
  /** Status for fatal expansion errors (`${x?}`, `set -u`). */
  readonly fatalStatus: number;
  /** Message prefix (`sh: `, `/bin/sh: 1: `, `bash: line 1: `). */
  prefix(site: MessageSite): string;
  /** Command not on PATH (status 127). */
  notFound(cmd: string): string;
  /** A path command that does not exist (status 127). */
  noSuchFile(cmd: string): string;
  /** Output redirection failed. */
  cannotCreate(path: string, e: Errno): string;
  /** Input redirection failed. */
  cannotOpen(path: string, e: Errno): string;
  /** `cd` failed. */
  cannotCd(path: string, e: Errno): string;
  /** `exit abc`. */
  badNumber(builtin: string, arg: string): string;
  /** `kill` with no such process. */
  noSuchProcess(pid: string): string;
  /** A syntax error (the whole line, without the trailing newline). */
  syntaxError(site: MessageSite, e: ShellSyntaxError): string;
}

const ash: ShellFlavour = {
  name: "ash",
  fatalStatus: 2,
  prefix: (s) => `${s.arg0}: ${s.named ? `line ${s.line}: ` : ""}`,
  notFound: (cmd) => `${cmd}: not found`,
  noSuchFile: (cmd) => `${cmd}: not found`,
  cannotCreate: (path, e) =>
    `can't create ${path}: ${e === "ENOENT" ? "nonexistent directory" : strerror(e)}`,
  cannotOpen: (path, e) => `can't open ${path}: ${e === "ENOENT" ? "no such file" : strerror(e)}`,
  cannotCd: (path, e) => `cd: can't cd to ${path}: ${strerror(e)}`,
  badNumber: (b, arg) => `${b}: Illegal number: ${arg}`,
  noSuchProcess: (pid) => `can't kill pid ${pid}: No such process`,
  syntaxError(site, e) {
    const detail =
      e.reason === "unterminated"
        ? "unterminated quoted string"
        : e.reason === "eof"
          ? `unexpected end of file${e.detail ? ` (expecting "${e.detail}")` : ""}`
          : `unexpected ${e.detail === "newline" ? "newline" : `"${e.detail}"`}`;
    return `${this.prefix({ ...site, line: e.line })}syntax error: ${detail}`;
  },
};

const dash: ShellFlavour = {
  name: "dash",
  fatalStatus: 2,
  prefix: (s) => `${s.arg0}: ${s.line}: `,
  notFound: (cmd) => `${cmd}: not found`,
  noSuchFile: (cmd) => `${cmd}: not found`,
  cannotCreate: (path, e) =>
    `cannot create ${path}: ${e === "ENOENT" ? "Directory nonexistent" : strerror(e)}`,
  cannotOpen: (path, e) => `cannot open ${path}: ${e === "ENOENT" ? "No such file" : strerror(e)}`,
  cannotCd: (path) => `cd: can't cd to ${path}`,
  badNumber: (b, arg) => `${b}: Illegal number: ${arg}`,
  noSuchProcess: () => "kill: No such process",
  syntaxError(site, e) {
    const detail =
      e.reason === "unterminated"
        ? "Unterminated quoted string"
        : e.reason === "eof"
          ? `end of file unexpected${e.detail ? ` (expecting "${e.detail}")` : ""}`
          : `${e.detail === "newline" ? "newline" : `"${e.detail}"`} unexpected`;
    return `${this.prefix({ ...site, line: e.line })}Syntax error: ${detail}`;
  },
};

const bash: ShellFlavour = {
  name: "bash",
  fatalStatus: 1,
  prefix: (s) => `${s.arg0}: line ${s.line}: `,
  notFound: (cmd) => `${cmd}: command not found`,
  noSuchFile: (cmd) => `${cmd}: No such file or directory`,
  cannotCreate: (path, e) => `${path}: ${strerror(e)}`,
  cannotOpen: (path, e) => `${path}: ${strerror(e)}`,
  cannotCd: (path, e) => `cd: ${path}: ${strerror(e)}`,
  badNumber: (b, arg) => `${b}: ${arg}: numeric argument required`,
  noSuchProcess: (pid) => `kill: (${pid}) - No such process`,
  syntaxError(site, e) {
    const where = `${site.arg0}: ${site.named ? "" : "-c: "}line ${e.line}: `;
    if (e.reason === "unterminated")
      return `${where}unexpected EOF while looking for matching \`${e.detail}'`;
    if (e.reason === "eof") return `${where}syntax error: unexpected end of file`;
    return `${where}syntax error near unexpected token \`${e.detail}'`;
  },
};

const FLAVOURS: Record<FlavourName, ShellFlavour> = { ash, dash, bash };

/** The flavour a shell program id implies (`busybox/sh` → ash, `debian/sh` → dash, `debian/bash` → bash). */
export function flavourFor(programId: string): ShellFlavour {
  if (programId.endsWith("/bash")) return bash;
  if (programId.startsWith("debian/") || programId.endsWith("/dash")) return dash;
  return ash;
}

/** A flavour by name. */
export function flavour(name: FlavourName): ShellFlavour {
  return FLAVOURS[name];
}
