/**
 * kubectl's `-o yaml`: sigs.k8s.io/yaml, i.e. JSON decoded into maps and encoded by go-yaml v2
 * (a libyaml port). Reproduced here rather than with a general YAML library because the exact
 * bytes matter: keys sorted with go-yaml's natural order, sequences not indented under their key,
 * strings plain when they would read back as strings, `"…"` when they would read as another type
 * (`"80"`, `"true"`, timestamps), `'…'` when plain is impossible (`: `, leading `[`), `|` blocks
 * for multi-line text, and long scalars folded after column 80.
 */

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

// ---- what a plain scalar would resolve to (go-yaml v2 resolve.go) ----

const BOOL_OR_NULL = new Set([
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "true",
  "True",
  "TRUE",
  "false",
  "False",
  "FALSE",
  "on",
  "On",
  "ON",
  "off",
  "Off",
  "OFF",
  "~",
  "null",
  "Null",
  "NULL",
  "",
  ".inf",
  ".Inf",
  ".INF",
  "+.inf",
  "+.Inf",
  "+.INF",
  "-.inf",
  "-.Inf",
  "-.INF",
  ".nan",
  ".NaN",
  ".NAN",
  "<<",
]);

const INT = /^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*)$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const TIMESTAMP =
  /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** Whether go-yaml may write `s` unquoted (it would read back as the same string). */
function canUsePlain(s: string): boolean {
  if (BOOL_OR_NULL.has(s)) return false;
  if (INT.test(s) || FLOAT.test(s) || TIMESTAMP.test(s) || BASE60.test(s)) return false;
  return true;
}

// ---- character classes (yamlh.go) ----

function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}
const isBreak = (c: string | undefined) =>
  c === "\r" || c === "\n" || c === "\u0085" || c === "\u2028" || c === "\u2029";
const isBlank = (c: string | undefined) => c === " " || c === "\t";

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** `yaml_emitter_analyze_scalar`. */
function analyze(value: string): Analysis {
  if (value.length === 0)
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const chars = [...value];
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith("---") || value.startsWith("...")) blockIndicators = true;
  chars.forEach((c, i) => {
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || isBlank(next) || isBreak(next);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(c)) blockIndicators = true;
      else if ((c === "?" || c === ":" || c === "-") && followedByWhitespace) blockIndicators = true;
    } else if (c === ":" && followedByWhitespace) blockIndicators = true;
    else if (c === "#" && precededByWhitespace) blockIndicators = true;
    if (!isPrintable(c.codePointAt(0) as number)) special = true;
    if (c === " ") {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c) || isBreak(c);
  });
  const a: Analysis = {
    multiline: lineBreaks,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) a.blockPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

// ---- the emitter ----

class Emitter {
  out = "";
  column = 0;
  whitespace = true;
  indention = true;
  indent = -1;

  put(s: string): void {
    for (const c of s) {
      this.out += c;
      this.column++;
    }
  }

  putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
      this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.put(ind);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  node(v: unknown, mappingContext: boolean, simpleKey: boolean): void {
    if (Array.isArray(v)) {
      if (v.length === 0) this.writeIndicator("[]", true, false, false);
      else this.sequence(v, mappingContext);
    } else if (v !== null && typeof v === "object") {
      const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
      if (keys.length === 0) this.writeIndicator("{}", true, false, false);
      else this.mapping(v as Record<string, unknown>, keys);
    } else {
      this.scalar(v, simpleKey);
    }
  }

  sequence(items: unknown[], mappingContext: boolean): void {
    const saved = this.indent;
    const indentless = mappingContext && !this.indention;
    this.indent = this.indent < 0 ? 0 : indentless ? this.indent : this.indent + BEST_INDENT;
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, false, false);
    }
    this.indent = saved;
  }

  mapping(obj: Record<string, unknown>, keys: string[]): void {
    const saved = this.indent;
    this.indent = this.indent < 0 ? 0 : this.indent + BEST_INDENT;
    for (const k of keys.sort(goYamlKeyLess)) {
      this.writeIndent();
      this.scalar(k, true);
      this.writeIndicator(":", false, false, false);
      this.node(obj[k], true, false);
    }
    this.indent = saved;
  }

  scalar(v: unknown, simpleKey: boolean): void {
    const saved = this.indent;
    this.indent = this.indent < 0 ? BEST_INDENT : this.indent + BEST_INDENT;
    if (v === null || v === undefined) this.plain("null", false);
    else if (typeof v === "boolean") this.plain(String(v), false);
    else if (typeof v === "number") this.plain(formatNumber(v), false);
    else this.string(String(v), simpleKey);
    this.indent = saved;
  }

  string(s: string, simpleKey: boolean): void {
    const a = analyze(s);
    let style: "plain" | "single" | "double" | "literal" = s.includes("\n")
      ? "literal"
      : canUsePlain(s)
        ? "plain"
        : "double";
    if (simpleKey && a.multiline) style = "double";
    if (style === "plain" && (!a.blockPlainAllowed || (s.length === 0 && simpleKey))) style = "single";
    if (style === "single" && !a.singleQuotedAllowed) style = "double";
    if (style === "literal" && (!a.blockAllowed || simpleKey)) style = "double";
    const breaks = !simpleKey;
    if (style === "plain") this.plain(s, breaks);
    else if (style === "single") this.singleQuoted(s, breaks);
    else if (style === "double") this.doubleQuoted(s, breaks);
    else this.literal(s);
  }

  plain(s: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(" ");
    const chars = [...s];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i] as string;
      if (c === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== " ") this.writeIndent();
        else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  singleQuoted(s: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const chars = [...s];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i] as string;
      if (c === " ") {
        if (
          allowBreaks &&
          !spaces &&
          this.column > BEST_WIDTH &&
          i !== 0 &&
          i !== chars.length - 1 &&
          chars[i + 1] !== " "
        ) {
          this.writeIndent();
        } else this.put(c);
        spaces = true;
      } else {
        if (c === "'") this.put("'");
        this.put(c);
        spaces = false;
      }
    }
    this.writeIndicator("'", false, false, false);
  }

  doubleQuoted(s: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const chars = [...s];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i] as string;
      const cp = c.codePointAt(0) as number;
      if (!isPrintable(cp) || cp === 0xfeff || isBreak(c) || c === '"' || c === "\\") {
        this.put(escapeCodePoint(cp));
        spaces = false;
      } else if (c === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === " ") this.put("\\");
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
  }

  literal(s: string): void {
    this.writeIndicator("|", true, false, false);
    if (s.startsWith(" ") || isBreak(s[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    if (!isBreak(s[s.length - 1])) this.writeIndicator("-", false, false, false);
    else if (s.length === 1 || isBreak(s[s.length - 2])) this.writeIndicator("+", false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of s) {
      if (isBreak(c)) {
        this.putBreak();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

function escapeCodePoint(cp: number): string {
  const named: Record<number, string> = {
    0: "0",
    7: "a",
    8: "b",
    9: "t",
    10: "n",
    11: "v",
    12: "f",
    13: "r",
    27: "e",
    34: '"',
    92: "\\",
    133: "N",
    160: "_",
    8232: "L",
    8233: "P",
  };
  const n = named[cp];
  if (n !== undefined) return `\\${n}`;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `\\x${hex.padStart(2, "0")}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, "0")}`;
  return `\\U${hex.padStart(8, "0")}`;
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return ".nan";
  if (n === Number.POSITIVE_INFINITY) return ".inf";
  if (n === Number.NEGATIVE_INFINITY) return "-.inf";
  return String(n).replace(/e([+-])(\d)$/, "e$10$2");
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/** go-yaml v2's key order (sorter.go): digit runs compare numerically, non-letters before letters. */
export function goYamlKeyLess(a: string, b: string): number {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const ac = ar[i] as string;
    const bc = br[i] as string;
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return ac < bc ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    let an = 0;
    let bn = 0;
    if (ac === "0" || bc === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn ? -1 : 1;
    if (ai !== bi) return ai < bi ? -1 : 1;
    return ac < bc ? -1 : 1;
  }
  return ar.length - br.length;
}

/** Encodes a JSON value as kubectl's `-o yaml` does (ends with a newline). */
export function toKubectlYaml(value: unknown): string {
  const e = new Emitter();
  e.node(value, false, false);
  return e.out.endsWith("\n") ? e.out : `${e.out}\n`;
}
