/**
 * Shell pattern matching (XCU 2.13): `*`, `?` and bracket expressions, used by `case`, `${x#pat}`
 * and pathname expansion. A pattern string marks quoted characters with a backslash, so a quoted
 * `*` matches itself.
 */
import type { Filesystem } from "../vfs.ts";
import { resolvePath } from "../vfs.ts";

/** Escapes a quoted string so pattern matching treats every character literally. */
export function quotePattern(s: string): string {
  return s.replace(/[\\*?[]/g, (c) => `\\${c}`);
}

/** True when the pattern has an unescaped `*`, `?` or `[`. */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (c === "*" || c === "?" || c === "[") return true;
  }
  return false;
}

/** Removes pattern escapes (the literal text of a pattern). */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\(.)/gs, "$1");
}

/** Translates a pattern to a regular-expression source. `pathname`: wildcards do not match `/`. */
export function patternToRegex(pattern: string, pathname = false): string {
  const any = pathname ? "[^/]" : "[\\s\\S]";
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      const n = pattern[++i];
      if (n !== undefined) out += escapeRegex(n);
      continue;
    }
    if (c === "*") out += `${any}*`;
    else if (c === "?") out += any;
    else if (c === "[") {
      const end = findBracketEnd(pattern, i);
      if (end < 0) out += "\\[";
      else {
        let body = pattern.slice(i + 1, end);
        let negate = false;
        if (body.startsWith("!") || body.startsWith("^")) {
          negate = true;
          body = body.slice(1);
        }
        const cls = body
          .replace(/\[:(\w+):\]/g, (_, name: string) => POSIX_CLASSES[name] ?? "")
          .replace(/\\(.)/g, "$1")
          .replace(/[\\\]^]/g, (ch) => `\\${ch}`);
        out += `[${negate ? "^" : ""}${cls}]`;
        i = end;
      }
    } else out += escapeRegex(c);
  }
  return out;
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  xdigit: "0-9a-fA-F",
  punct: "!-\\/:-@\\[-`{-~",
};

function findBracketEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === "!" || p[i] === "^") i++;
  if (p[i] === "]") i++;
  for (; i < p.length; i++) {
    if (p[i] === "[" && p[i + 1] === ":") {
      const close = p.indexOf(":]", i + 2);
      if (close > 0) i = close + 1;
    } else if (p[i] === "]") return i;
  }
  return -1;
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** True when the whole text matches the pattern. */
export function matchPattern(pattern: string, text: string): boolean {
  return new RegExp(`^${patternToRegex(pattern)}$`).test(text);
}

/** `${x#p}`, `${x##p}`, `${x%p}`, `${x%%p}`: removes the shortest/longest matching prefix/suffix. */
export function removeAffix(value: string, pattern: string, op: "#" | "##" | "%" | "%%"): string {
  const re = new RegExp(`^${patternToRegex(pattern)}$`);
  if (op === "#" || op === "##") {
    const lengths = [...Array(value.length + 1).keys()];
    if (op === "##") lengths.reverse();
    for (const n of lengths) if (re.test(value.slice(0, n))) return value.slice(n);
    return value;
  }
  const starts = [...Array(value.length + 1).keys()];
  if (op === "%") starts.reverse();
  for (const s of starts) if (re.test(value.slice(s))) return value.slice(0, s);
  return value;
}

/**
 * Pathname expansion: the sorted paths matching a pattern, or an empty list when none matches.
 * Hidden entries match only when the component's pattern starts with a literal dot.
 */
export function globPaths(fs: Filesystem, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith("/");
  const components = pattern.split("/").filter((c, i) => c !== "" || i === 0);
  let candidates: string[] = [absolute ? "/" : ""];
  for (const comp of absolute ? components.slice(1) : components) {
    const next: string[] = [];
    for (const base of candidates) {
      const dirPath = resolvePath(cwd, base || ".");
      if (!hasGlob(comp)) {
        const name = unescapePattern(comp);
        const path = joinPath(base, name);
        if (fs.exists(resolvePath(cwd, path))) next.push(path);
        continue;
      }
      const entries = fs.readdir(dirPath);
      if (!entries.ok) continue;
      const re = new RegExp(`^${patternToRegex(comp, true)}$`);
      for (const name of entries.value) {
        if (name.startsWith(".") && !comp.startsWith(".")) continue;
        if (re.test(name)) next.push(joinPath(base, name));
      }
    }
    candidates = next;
  }
  return candidates.filter((c) => c !== "" && c !== "/").sort();
}

function joinPath(base: string, name: string): string {
  if (base === "") return name;
  return base.endsWith("/") ? `${base}${name}` : `${base}/${name}`;
}
