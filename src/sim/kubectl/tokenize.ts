/**
 * POSIX shell word splitting for command lines typed in a terminal (replay scripts, the Scenario
 * timeline, the browser console): blanks separate words; `'…'` is literal; `"…"` keeps everything
 * but `\` before `$`, `` ` ``, `"`, `\` and newline; an unquoted `\` escapes the next character;
 * an unquoted `#` at the start of a word starts a comment. Expansions (`$VAR`, globs) are not
 * performed, and pipes, lists and redirections are refused rather than misread.
 */

/** A word-splitting failure, worded like bash's. */
export interface TokenizeError {
  error: string;
}

const OPERATORS = new Set(["|", "&", ";", "<", ">", "(", ")"]);

/** Splits a command line into words, or explains why it cannot. */
export function tokenize(commandLine: string): string[] | TokenizeError {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let i = 0;
  const s = commandLine;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i++;
      continue;
    }
    if (c === "#" && !inWord) break;
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) return { error: "unexpected EOF while looking for matching `''" };
      word += s.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      let closed = false;
      while (i < s.length) {
        const d = s[i] as string;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === "\\" && i + 1 < s.length) {
          const n = s[i + 1] as string;
          if (n === "\n") {
            i += 2;
            continue;
          }
          if (n === "$" || n === "`" || n === '"' || n === "\\") {
            word += n;
            i += 2;
            continue;
          }
        }
        word += d;
        i++;
      }
      if (!closed) return { error: "unexpected EOF while looking for matching `\"'" };
      inWord = true;
      continue;
    }
    if (c === "\\") {
      if (i + 1 >= s.length) {
        i++;
        continue;
      }
      const n = s[i + 1] as string;
      if (n !== "\n") {
        word += n;
        inWord = true;
      }
      i += 2;
      continue;
    }
    if (OPERATORS.has(c)) {
      return {
        error: `syntax error near unexpected token \`${c}': pipes, lists and redirections are not supported`,
      };
    }
    word += c;
    inWord = true;
    i++;
  }
  if (inWord) words.push(word);
  return words;
}
