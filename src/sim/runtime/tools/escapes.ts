/**
 * Backslash escapes as `echo -e`, dash's `echo` and `printf` interpret them (`\n`, `\t`, `\0NNN`,
 * `\c` to stop output).
 */

/** Result of interpreting escapes: the text, and whether `\c` asked to stop all further output. */
export interface Unescaped {
  text: string;
  stop: boolean;
}

/**
 * Interprets backslash escapes. `echoOctal`: octal escapes are `\0NNN` (echo) rather than `\NNN`
 * (printf's format).
 */
export function interpretEscapes(s: string, echoOctal: boolean): Unescaped {
  let text = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== "\\" || i === s.length - 1) {
      text += c;
      continue;
    }
    const n = s[++i]!;
    switch (n) {
      case "n":
        text += "\n";
        break;
      case "t":
        text += "\t";
        break;
      case "r":
        text += "\r";
        break;
      case "a":
        text += "\x07";
        break;
      case "b":
        text += "\b";
        break;
      case "f":
        text += "\f";
        break;
      case "v":
        text += "\v";
        break;
      case "e":
        text += "\x1b";
        break;
      case "\\":
        text += "\\";
        break;
      case "c":
        return { text, stop: true };
      case "x": {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
        if (m) {
          text += String.fromCharCode(Number.parseInt(m[0], 16));
          i += m[0].length;
        } else text += "\\x";
        break;
      }
      default: {
        const octal = echoOctal
          ? n === "0"
            ? /^[0-7]{0,3}/.exec(s.slice(i + 1))
            : null
          : /^[0-7]{1,3}/.exec(s.slice(i));
        if (octal) {
          text += String.fromCharCode(Number.parseInt(octal[0] || "0", 8) & 0xff);
          i += echoOctal ? octal[0].length : octal[0].length - 1;
        } else text += `\\${n}`;
      }
    }
  }
  return { text, stop: false };
}
