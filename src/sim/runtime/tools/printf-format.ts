/**
 * `printf FORMAT [ARG…]` formatting, shared by the shell builtin and the standalone tool: `%s %d
 * %i %u %x %X %o %c %b %f %e %g %%` with flags, width and precision; the format is reused while
 * arguments remain.
 */
import { interpretEscapes } from "./escapes.ts";

/** Output of printf, plus messages about arguments that were not numbers. */
export interface PrintfResult {
  out: string;
  errors: string[];
}

/** Formats like printf(1). */
export function formatPrintf(format: string, args: readonly string[]): PrintfResult {
  const errors: string[] = [];
  let out = "";
  let argi = 0;
  const next = () => (argi < args.length ? args[argi++]! : undefined);
  const toNumber = (a: string | undefined): number => {
    if (a === undefined || a === "") return 0;
    if (/^['"]/.test(a)) return a.codePointAt(1) ?? 0;
    const t = a.trim();
    const v = /^[-+]?0[xX][0-9a-fA-F]+$/.test(t)
      ? Number.parseInt(t, 16)
      : /^[-+]?0[0-7]+$/.test(t)
        ? Number.parseInt(t, 8)
        : Number(t);
    if (Number.isNaN(v)) {
      errors.push(`invalid number '${a}'`);
      const lead = /^[-+]?\d+/.exec(t);
      return lead ? Number(lead[0]) : 0;
    }
    return v;
  };
  for (;;) {
    const startArg = argi;
    let i = 0;
    while (i < format.length) {
      const c = format[i]!;
      if (c === "\\") {
        const m = /^\\(0?[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/s.exec(format.slice(i));
        const esc = m ? m[0] : "\\";
        const r = interpretEscapes(esc, false);
        if (r.stop) return { out, errors };
        out += r.text;
        i += esc.length;
        continue;
      }
      if (c !== "%") {
        out += c;
        i++;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([sdiuxXocbfeEgG%])/.exec(format.slice(i));
      if (!m) {
        out += c;
        i++;
        continue;
      }
      i += m[0].length;
      const [, flags = "", widthSpec, precSpec, conv] = m;
      if (conv === "%") {
        out += "%";
        continue;
      }
      const width = widthSpec === "*" ? toNumber(next()) : widthSpec ? Number(widthSpec) : 0;
      const prec =
        precSpec === undefined ? undefined : precSpec === "*" ? toNumber(next()) : Number(precSpec || "0");
      const arg = next();
      let body: string;
      switch (conv) {
        case "s":
          body = arg ?? "";
          if (prec !== undefined) body = body.slice(0, prec);
          break;
        case "b": {
          const r = interpretEscapes(arg ?? "", true);
          out += pad(r.text, width, flags);
          if (r.stop) return { out, errors };
          continue;
        }
        case "c":
          body = (arg ?? "").slice(0, 1);
          break;
        case "d":
        case "i":
        case "u": {
          const n = Math.trunc(toNumber(arg));
          body = signed(String(Math.abs(n)), n < 0, flags, prec);
          break;
        }
        case "x":
        case "X":
        case "o": {
          const n = Math.trunc(toNumber(arg));
          let digits = (n >>> 0).toString(conv === "o" ? 8 : 16);
          if (conv === "X") digits = digits.toUpperCase();
          if (prec !== undefined) digits = digits.padStart(prec, "0");
          if (flags.includes("#") && n !== 0)
            digits = (conv === "o" ? "0" : conv === "x" ? "0x" : "0X") + digits;
          body = digits;
          break;
        }
        default: {
          const n = toNumber(arg);
          const p = prec ?? 6;
          const text =
            conv === "f"
              ? Math.abs(n).toFixed(p)
              : conv === "e" || conv === "E"
                ? expo(Math.abs(n), p, conv === "E")
                : Number(Math.abs(n).toPrecision(p || 1)).toString();
          body = signed(text, n < 0, flags, undefined);
        }
      }
      out += pad(body, width, flags);
    }
    if (argi === startArg || argi >= args.length) break;
  }
  return { out, errors };
}

function expo(n: number, p: number, upper: boolean): string {
  const s = n.toExponential(p).replace(/e([+-])(\d)$/, "e$10$2");
  return upper ? s.toUpperCase() : s;
}

function signed(digits: string, negative: boolean, flags: string, prec: number | undefined): string {
  let d = prec !== undefined ? digits.padStart(prec, "0") : digits;
  if (negative) d = `-${d}`;
  else if (flags.includes("+")) d = `+${d}`;
  else if (flags.includes(" ")) d = ` ${d}`;
  return d;
}

function pad(s: string, width: number, flags: string): string {
  if (s.length >= width) return s;
  if (flags.includes("-")) return s.padEnd(width);
  if (flags.includes("0") && /^[-+ ]?\d/.test(s)) {
    const sign = /^[-+ ]/.test(s) ? s[0]! : "";
    return sign + s.slice(sign.length).padStart(width - sign.length, "0");
  }
  return s.padStart(width);
}
