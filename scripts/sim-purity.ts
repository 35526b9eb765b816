/**
 * The purity check for `src/sim`: the simulator imports nothing from the rest of the project, no
 * UI packages, and reads neither the wall clock, `Math.random`, timers nor the DOM. Biome's
 * `noRestrictedGlobals` covers some of this in the editor; this check is the one CI relies on.
 *
 * It works on source text with comments, strings and regular expressions blanked out, so a doc
 * comment that mentions `Math.random` or a property called `document` does not trip it.
 */
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";

/** One broken rule at a place in a file. */
export interface PurityViolation {
  file: string;
  line: number;
  rule: string;
  text: string;
}

/** Packages src/sim must never import (by name or name prefix). */
const FORBIDDEN_PACKAGES = [/^react(?:-dom)?(?:\/|$)/, /^d3(?:-[\w-]+)?(?:\/|$)/, /^monaco-[\w-]+(?:\/|$)/];

/** A string literal's value and where it starts. */
interface StringLiteral {
  value: string;
  index: number;
}

/** Keywords after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORD = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
]);

/**
 * Blanks comments, string and template-literal text and regex literals (keeping line breaks and
 * `${…}` expressions), and collects the string literals.
 */
export function blankNonCode(src: string): { code: string; strings: StringLiteral[] } {
  const out = src.split("");
  const strings: StringLiteral[] = [];
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  // Stack of brace depths at which a template literal's `${` was opened.
  const templateStack: number[] = [];
  let braceDepth = 0;
  let i = 0;
  const n = src.length;

  const prevSignificant = (at: number): { ch: string; word: string } => {
    let k = at - 1;
    while (k >= 0 && /\s/.test(out[k]!)) k--;
    if (k < 0) return { ch: "", word: "" };
    let w = k;
    while (w >= 0 && /[\w$]/.test(out[w]!)) w--;
    return { ch: out[k]!, word: out.slice(w + 1, k + 1).join("") };
  };

  const scanTemplate = (start: number): number => {
    // `start` is just after a backtick or a closing `}` of `${…}`. Returns index after the end.
    let k = start;
    while (k < n) {
      const c = src[k];
      if (c === "\\") {
        k += 2;
        continue;
      }
      if (c === "`") {
        blank(start, k);
        return k + 1;
      }
      if (c === "$" && src[k + 1] === "{") {
        blank(start, k);
        templateStack.push(braceDepth);
        braceDepth++;
        return k + 2;
      }
      k++;
    }
    blank(start, n);
    return n;
  };

  while (i < n) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === "/" && next === "/") {
      const end = src.indexOf("\n", i);
      const stop = end < 0 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = src.indexOf("*/", i + 2);
      const stop = end < 0 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      let k = i + 1;
      let value = "";
      while (k < n && src[k] !== c && src[k] !== "\n") {
        if (src[k] === "\\") {
          value += src[k + 1] ?? "";
          k += 2;
        } else value += src[k++];
      }
      strings.push({ value, index: i });
      blank(i + 1, k);
      i = k + 1;
    } else if (c === "`") {
      i = scanTemplate(i + 1);
    } else if (c === "{") {
      braceDepth++;
      i++;
    } else if (c === "}") {
      braceDepth--;
      if (templateStack.length && templateStack[templateStack.length - 1] === braceDepth) {
        templateStack.pop();
        i = scanTemplate(i + 1);
      } else i++;
    } else if (c === "/") {
      const prev = prevSignificant(i);
      const startsRegex =
        prev.ch === "" ||
        "(,=:[!&|?{};+-*%<>~^".includes(prev.ch) ||
        (prev.word !== "" && REGEX_AFTER_WORD.has(prev.word));
      if (!startsRegex) {
        i++;
        continue;
      }
      let k = i + 1;
      let inClass = false;
      while (k < n && src[k] !== "\n") {
        const d = src[k];
        if (d === "\\") k += 2;
        else if (d === "/" && !inClass) break;
        else {
          if (d === "[") inClass = true;
          else if (d === "]") inClass = false;
          k++;
        }
      }
      blank(i + 1, k);
      i = k + 1;
    } else i++;
  }
  return { code: out.join(""), strings };
}

function lineOf(src: string, index: number): number {
  let line = 1;
  for (let k = 0; k < index; k++) if (src.charCodeAt(k) === 10) line++;
  return line;
}

/** Names the file binds itself (const/let/var/function/class/typed or arrow parameters). */
function locallyBound(code: string, name: string): boolean {
  const decl = new RegExp(`\\b(?:const|let|var|function|class)\\s+${name}\\b`);
  const typedParam = new RegExp(`[(,]\\s*${name}\\s*\\??:`);
  const arrowParam = new RegExp(`(?:\\(\\s*${name}\\s*\\)|\\b${name})\\s*=>`);
  const destructured = new RegExp(`\\b(?:const|let|var)\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*=`);
  return [decl, typedParam, arrowParam, destructured].some((r) => r.test(code));
}

/**
 * Checks one source file of src/sim. `file` is its path (absolute or relative to the cwd);
 * `simRoot` the absolute path of src/sim.
 */
export function checkSimSource(file: string, src: string, simRoot: string): PurityViolation[] {
  const { code, strings } = blankNonCode(src);
  const found: PurityViolation[] = [];
  const report = (index: number, rule: string) => {
    const line = lineOf(src, index);
    found.push({ file, line, rule, text: (src.split("\n")[line - 1] ?? "").trim() });
  };

  // Imports: `import … from "x"`, `export … from "x"`, `import "x"`, `import("x")`, `require("x")`.
  for (const s of strings) {
    const before = code.slice(Math.max(0, s.index - 400), s.index);
    const isSpecifier =
      /\bfrom\s*$/.test(before) ||
      /\bimport\s*$/.test(before) ||
      /\b(?:import|require)\s*\(\s*$/.test(before);
    if (!isSpecifier) continue;
    const spec = s.value;
    if (spec.startsWith(".") || spec.startsWith("/")) {
      const target = resolve(dirname(resolve(file)), spec);
      const rel = relative(simRoot, target);
      if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
        report(s.index, `imports from outside src/sim: ${spec}`);
      }
    } else if (FORBIDDEN_PACKAGES.some((r) => r.test(spec))) {
      report(s.index, `imports a UI package: ${spec}`);
    }
  }

  const patterns: { re: RegExp; rule: string; name?: string }[] = [
    { re: /(?<![.\w$])Math\s*\.\s*random\b/g, rule: "Math.random (use the seeded random)" },
    { re: /(?<![.\w$])Date\s*\.\s*now\b/g, rule: "Date.now (use the virtual clock)" },
    { re: /\bnew\s+Date\s*(?:\(\s*\)|(?![\s(]))/g, rule: "new Date() without arguments (wall clock)" },
    { re: /(?<![.\w$])performance\s*\./g, rule: "performance.* (wall clock)", name: "performance" },
    {
      re: /(?<![\w$])(?:(?:globalThis|self|window)\s*\.\s*)?(setTimeout|setInterval)\s*\(/g,
      rule: "global timer call (use the virtual clock)",
    },
    { re: /(?<![.\w$])(window|document)\b/g, rule: "DOM global" },
    { re: /\bglobalThis\s*\.\s*(window|document|performance)\b/g, rule: "DOM/wall-clock global" },
  ];

  for (const { re, rule, name } of patterns) {
    for (const m of code.matchAll(re)) {
      const index = m.index;
      const matched = m[0];
      const ident = m[1] ?? name;
      if (rule === "global timer call (use the virtual clock)") {
        const qualified = /^(?:globalThis|self|window)/.test(matched);
        if (!qualified) {
          // A member call (`this.setTimeout(`, `clock.setTimeout(`) or optional call is fine.
          if (/[.]\s*$/.test(code.slice(0, index))) continue;
          // `function setTimeout(` or a method definition `setTimeout(…) {` / `setTimeout(…): T {`.
          if (/\bfunction\s*$/.test(code.slice(Math.max(0, index - 20), index))) continue;
          if (isMethodDefinition(code, index, index + matched.length - 1)) continue;
          if (ident && locallyBound(code, ident)) continue;
        }
      } else if (rule === "DOM global") {
        const after = code.slice(index + matched.length, index + matched.length + 3);
        // A property key (`document: 1`, `document?: number`) is not a reference to the global.
        if (/^\s*\??:/.test(after)) {
          const before = code.slice(0, index).trimEnd();
          const prevCh = before[before.length - 1] ?? "";
          if (prevCh === "" || "{;,(\n".includes(prevCh) || /\n\s*$/.test(code.slice(0, index))) continue;
        }
        if (ident && locallyBound(code, ident)) continue;
      } else if (name && locallyBound(code, name)) continue;
      report(index, ident && rule === "DOM global" ? `${rule}: ${ident}` : rule);
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/**
 * Whether the name at `nameIndex` starts a class or object method definition: it stands where a
 * member starts (after `{`, `}`, `;`, a line break or a modifier) and its `(…)` at `openIndex` is
 * followed by a body or a return type.
 */
function isMethodDefinition(code: string, nameIndex: number, openIndex: number): boolean {
  const before = code.slice(Math.max(0, nameIndex - 40), nameIndex);
  const atMemberStart =
    /(?:^|[{};\n])\s*$/.test(before) ||
    /\b(?:public|private|protected|static|override|async|readonly)\s+$/.test(before);
  if (!atMemberStart) return false;
  let depth = 0;
  for (let k = openIndex; k < code.length; k++) {
    const c = code[k];
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) {
      const rest = code.slice(k + 1).trimStart();
      return rest.startsWith("{") || (rest.startsWith(":") && !rest.startsWith("::"));
    }
  }
  return false;
}
