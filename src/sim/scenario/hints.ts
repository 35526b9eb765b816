/**
 * Precise hints for the mistakes people make when they copy YAML from a blog post: full-width
 * punctuation typed by a Chinese or Japanese input method (`，` `：` `、` `“ ”`), and tabs used for
 * indentation. The YAML parser often reports such an error somewhere else (the next item, the
 * next line), so the text itself is scanned and the culprit named with its position.
 */

/** A character that looks like YAML syntax but is not, with where it is. */
export interface Lookalike {
  char: string;
  /** 1-based line and column (UTF-16 code units, as editors count BMP characters). */
  line: number;
  column: number;
  /** What to write instead, phrased for the hint. */
  hint: string;
}

const LOOKALIKES: Record<string, { name: string; use: string }> = {
  "\uFF0C": { name: "full-width comma", use: "an ASCII comma ','" },
  "\u3001": { name: "ideographic comma", use: "an ASCII comma ','" },
  "\uFF1A": { name: "full-width colon", use: "an ASCII colon ':'" },
  "\uFF1B": { name: "full-width semicolon", use: "an ASCII semicolon ';'" },
  "\u201C": { name: "curly double quote", use: "a straight double quote '\"'" },
  "\u201D": { name: "curly double quote", use: "a straight double quote '\"'" },
  "\u2018": { name: "curly single quote", use: 'a straight single quote "\'"' },
  "\u2019": { name: "curly single quote", use: 'a straight single quote "\'"' },
  "\uFF3B": { name: "full-width bracket", use: "an ASCII bracket '['" },
  "\uFF3D": { name: "full-width bracket", use: "an ASCII bracket ']'" },
  "\uFF5B": { name: "full-width brace", use: "an ASCII brace '{'" },
  "\uFF5D": { name: "full-width brace", use: "an ASCII brace '}'" },
  "\uFF08": { name: "full-width parenthesis", use: "an ASCII parenthesis '('" },
  "\uFF09": { name: "full-width parenthesis", use: "an ASCII parenthesis ')'" },
  "\uFF03": { name: "full-width number sign", use: "an ASCII '#'" },
  "\uFF0D": { name: "full-width hyphen", use: "an ASCII hyphen '-'" },
  "\u3000": { name: "ideographic space", use: "an ASCII space ' '" },
};

/** The hint for a tab in indentation. */
export const TAB_HINT = "tabs are not allowed in YAML indentation; use spaces";

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

function describeLookalike(ch: string, line: number, column: number): string {
  const info = LOOKALIKES[ch];
  if (!info) return "";
  return `${info.name} '${ch}' (${codePoint(ch)}) at line ${line}, column ${column}; use ${info.use}`;
}

/**
 * Finds look-alike punctuation written where YAML syntax goes: outside quoted strings, comments
 * and block scalars (`|`, `>`), where such characters are ordinary text.
 */
export function findLookalikes(text: string): Lookalike[] {
  const found: Lookalike[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  let blockIndent = -1; // indentation of the line that opened a block scalar, -1 when none
  lines.forEach((lineText, i) => {
    const indent = /^[ \t]*/.exec(lineText)?.[0].length ?? 0;
    const blank = lineText.trim() === "";
    if (blockIndent >= 0) {
      if (blank || indent > blockIndent) return;
      blockIndent = -1;
    }
    let quote: string | undefined;
    for (let c = 0; c < lineText.length; c++) {
      const ch = lineText[c] as string;
      if (quote) {
        if (quote === '"' && ch === "\\") c++;
        else if (ch === quote) {
          if (quote === "'" && lineText[c + 1] === "'") c++;
          else quote = undefined;
        }
        continue;
      }
      if (ch === '"' || ch === "'") {
        quote = ch;
        continue;
      }
      if (ch === "#" && (c === 0 || /\s/.test(lineText[c - 1] as string))) break;
      if (LOOKALIKES[ch])
        found.push({ char: ch, line: i + 1, column: c + 1, hint: describeLookalike(ch, i + 1, c + 1) });
    }
    if (/(?:^|[:\-?]\s*|\s)[|>][+-]?[1-9]?[+-]?\s*(?:#.*)?$/.test(lineText.replace(/\s+$/, ""))) {
      blockIndent = indent;
    }
  });
  return found;
}

/** Lines (1-based) whose indentation contains a tab, with the tab's column. */
export function findTabIndents(text: string): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  text.split(/\r\n|\n|\r/).forEach((lineText, i) => {
    const lead = /^[ \t]*/.exec(lineText)?.[0] ?? "";
    const tab = lead.indexOf("\t");
    if (tab >= 0 && lineText.trim() !== "") out.push({ line: i + 1, column: tab + 1 });
  });
  return out;
}

/**
 * The most precise hint for an error reported at `line` (through `endLine`): a look-alike on those
 * lines or up to two lines before (the closest one wins), else a tab in the indentation there.
 */
export function hintFor(
  lookalikes: readonly Lookalike[],
  tabs: readonly { line: number; column: number }[],
  line: number,
  endLine: number = line,
): string | undefined {
  let best: Lookalike | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const l of lookalikes) {
    if (l.line < line - 2 || l.line > endLine) continue;
    const score = l.line >= line ? (l.line - line) * 1000 + l.column : (line - l.line) * 10_000;
    if (score < bestScore) {
      best = l;
      bestScore = score;
    }
  }
  if (best) return best.hint;
  const tab = tabs.find((t) => t.line >= line - 1 && t.line <= endLine);
  if (tab) return `${TAB_HINT} (tab at line ${tab.line}, column ${tab.column})`;
  return undefined;
}

/**
 * Opening curly quotes where a YAML quote would start a value (`args: [“a”]`, `- ‘x’`): valid YAML,
 * but the quotes become part of the value, which is almost never what the author meant.
 */
export function findCurlyQuoteDelimiters(text: string, lookalikes: readonly Lookalike[]): Lookalike[] {
  const lines = text.split(/\r\n|\n|\r/);
  return lookalikes.filter((l) => {
    if (l.char !== "\u201C" && l.char !== "\u2018") return false;
    const before = (lines[l.line - 1] ?? "").slice(0, l.column - 1).trimEnd();
    return before === "" || /[[{,:-]$/.test(before);
  });
}
