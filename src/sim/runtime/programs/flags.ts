/**
 * Command-line flags as Go's `flag` and `pflag` packages read them: `--name=value`, `--name value`,
 * `-name value`, and boolean flags without a value.
 */

/** Parsed flags and positional arguments. */
export interface ParsedFlags {
  values: Map<string, string>;
  positional: string[];
}

/** Parses `args`; names in `booleans` take no separate value. */
export function parseFlags(args: readonly string[], booleans: readonly string[] = []): ParsedFlags {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      positional.push(a);
      continue;
    }
    const body = a.replace(/^--?/, "");
    const eq = body.indexOf("=");
    if (eq >= 0) values.set(body.slice(0, eq), body.slice(eq + 1));
    else if (booleans.includes(body) || i + 1 >= args.length) values.set(body, "true");
    else values.set(body, args[++i]!);
  }
  return { values, positional };
}

/** An integer flag with a default. */
export function intFlag(f: ParsedFlags, name: string, fallback: number): number {
  const v = f.values.get(name);
  const n = v === undefined ? Number.NaN : Number.parseInt(v, 10);
  return Number.isNaN(n) ? fallback : n;
}
