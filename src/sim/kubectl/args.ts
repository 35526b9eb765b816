/**
 * Table-driven flag parsing with pflag's rules, as kubectl's cobra commands use it: flags may come
 * before or after positional arguments; `--name=value`, `--name value`, `-n value`, `-nvalue`,
 * `-n=value`; boolean shorthands combine (`-it`); `--` ends flags (the rest is a command to run).
 */

/** What a flag holds. `strings` may repeat (each occurrence appends). */
export type FlagKind = "bool" | "string" | "int" | "strings";

/** One flag a command accepts. */
export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  /**
   * pflag's `NoOptDefVal`: the value `--name` takes when written without `=VALUE` (the next word
   * is then not consumed), as kubectl's `--dry-run` (`"unchanged"`).
   */
  noOptDefault?: string;
}

/** A parsed flag value. */
export type FlagValue = boolean | string | number | string[];

/** The result of parsing one command's arguments. */
export interface ParsedArgs {
  positionals: string[];
  /** Words after `--`, or undefined when there was no `--`. */
  afterDash: string[] | undefined;
  flags: Map<string, FlagValue>;
}

/** Flags every kubectl command takes. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: "namespace", short: "n", kind: "string" },
  { name: "context", kind: "string" },
  { name: "kubeconfig", kind: "string" },
  { name: "cluster", kind: "string" },
  { name: "user", kind: "string" },
  { name: "request-timeout", kind: "string" },
  { name: "v", short: "v", kind: "string" },
  { name: "help", short: "h", kind: "bool" },
];

function parseValue(spec: FlagSpec, raw: string, shown: string): FlagValue | { error: string } {
  if (spec.kind === "bool") {
    const v = raw.toLowerCase();
    if (["1", "t", "true"].includes(v)) return true;
    if (["0", "f", "false"].includes(v)) return false;
    return {
      error: `invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`,
    };
  }
  if (spec.kind === "int") {
    if (!/^[+-]?\d+$/.test(raw)) {
      return {
        error: `invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`,
      };
    }
    return Number.parseInt(raw, 10);
  }
  return raw;
}

function store(flags: Map<string, FlagValue>, spec: FlagSpec, value: FlagValue): void {
  if (spec.kind === "strings") {
    const prev = (flags.get(spec.name) as string[] | undefined) ?? [];
    flags.set(spec.name, [...prev, String(value)]);
  } else {
    flags.set(spec.name, value);
  }
}

/**
 * Parses `tokens` (everything after `kubectl`, the command word removed) against `specs`.
 * Errors are pflag's messages (`unknown flag: --foo`, `flag needs an argument: 'n' in -n`).
 */
export function parseArgs(tokens: string[], specs: FlagSpec[]): ParsedArgs | { error: string } {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const flags = new Map<string, FlagValue>();
  const positionals: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as string;
    if (tok === "--") return { positionals, afterDash: tokens.slice(i + 1), flags };
    if (tok.startsWith("--")) {
      const eq = tok.indexOf("=");
      const name = eq < 0 ? tok.slice(2) : tok.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) return { error: `unknown flag: --${name}` };
      let raw: string;
      if (eq >= 0) raw = tok.slice(eq + 1);
      else if (spec.kind === "bool") raw = "true";
      else if (spec.noOptDefault !== undefined) raw = spec.noOptDefault;
      else if (i + 1 < tokens.length) raw = tokens[++i] as string;
      else return { error: `flag needs an argument: --${name}` };
      const v = parseValue(spec, raw, `--${name}`);
      if (typeof v === "object" && !Array.isArray(v)) return v;
      store(flags, spec, v);
      continue;
    }
    if (tok.startsWith("-") && tok.length > 1) {
      let j = 1;
      while (j < tok.length) {
        const c = tok[j] as string;
        const spec = byShort.get(c);
        if (!spec) return { error: `unknown shorthand flag: '${c}' in ${tok}` };
        if (spec.kind === "bool") {
          if (tok[j + 1] === "=") {
            const v = parseValue(spec, tok.slice(j + 2), `-${c}, --${spec.name}`);
            if (typeof v === "object" && !Array.isArray(v)) return v;
            store(flags, spec, v);
            break;
          }
          store(flags, spec, true);
          j++;
          continue;
        }
        let raw: string;
        if (j + 1 < tok.length) raw = tok[j + 1] === "=" ? tok.slice(j + 2) : tok.slice(j + 1);
        else if (i + 1 < tokens.length) raw = tokens[++i] as string;
        else return { error: `flag needs an argument: '${c}' in ${tok}` };
        const v = parseValue(spec, raw, `-${c}, --${spec.name}`);
        if (typeof v === "object" && !Array.isArray(v)) return v;
        store(flags, spec, v);
        break;
      }
      continue;
    }
    positionals.push(tok);
  }
  return { positionals, afterDash: undefined, flags };
}

/** Typed accessors over parsed flags. */
export class Flags {
  constructor(private readonly values: Map<string, FlagValue>) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  bool(name: string): boolean {
    return this.values.get(name) === true;
  }

  string(name: string): string | undefined {
    const v = this.values.get(name);
    return typeof v === "string" ? v : undefined;
  }

  int(name: string): number | undefined {
    const v = this.values.get(name);
    return typeof v === "number" ? v : undefined;
  }

  strings(name: string): string[] {
    const v = this.values.get(name);
    return Array.isArray(v) ? v : [];
  }
}

/**
 * Finds the command word in `argv` (after `kubectl`), skipping global flags placed before it
 * (`kubectl -n prod get pods`). Returns its index, or -1 when there is none.
 */
export function findCommand(argv: string[]): number | { error: string } {
  const byName = new Map(GLOBAL_FLAGS.map((s) => [s.name, s]));
  const byShort = new Map(GLOBAL_FLAGS.filter((s) => s.short).map((s) => [s.short as string, s]));
  for (let i = 1; i < argv.length; i++) {
    const tok = argv[i] as string;
    if (tok === "--") return -1;
    if (tok.startsWith("--")) {
      const eq = tok.indexOf("=");
      const spec = byName.get(eq < 0 ? tok.slice(2) : tok.slice(2, eq));
      if (!spec) return { error: `unknown flag: ${eq < 0 ? tok : tok.slice(0, eq)}` };
      if (eq < 0 && spec.kind !== "bool") i++;
      continue;
    }
    if (tok.startsWith("-") && tok.length > 1) {
      const spec = byShort.get(tok[1] as string);
      if (!spec) return { error: `unknown shorthand flag: '${tok[1]}' in ${tok}` };
      if (tok.length === 2 && spec.kind !== "bool") i++;
      continue;
    }
    return i;
  }
  return -1;
}
