/**
 * The kubectl emulator's entry point: splits a command line into words, finds the command, parses
 * its flags with pflag's rules and runs it against the simulated cluster. Every failure becomes
 * kubectl-shaped stderr and an exit code; nothing throws out of {@link runCommandLine}.
 */
import type { ClusterApi, CommandResult, CommandTask, Wait } from "./api.ts";
import { type FlagSpec, Flags, findCommand, GLOBAL_FLAGS, parseArgs } from "./args.ts";
import { COMMANDS, type CommandDef, VISIBLE_COMMAND_NAMES } from "./commands/registry.ts";
import { type Invocation, type KubectlContext, Output } from "./context.ts";
import { flagError, KubectlError } from "./errors.ts";
import { tokenize } from "./tokenize.ts";

export type { KubectlContext } from "./context.ts";

/** What bare `kubectl` prints: kubectl's opening lines, then the commands Podlife emulates. */
export function helpText(): string {
  const rows = [...COMMANDS.entries()].filter(([, d]) => !d.unsupported);
  const width = Math.max(...rows.map(([n]) => n.length)) + 2;
  const lines = rows.map(([n, d]) => `  ${n.padEnd(width)}${d.summary}`);
  return `kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nCommands emulated by Podlife:\n${lines.join("\n")}\n\nUsage:\n  kubectl [flags] [options]\n`;
}

/** The result of a command that failed before it ran (nothing waited for). */
function failed(stderr: string, exitCode = 1): CommandResult {
  return { exitCode, stdout: "", stderr: stderr.endsWith("\n") || stderr === "" ? stderr : `${stderr}\n` };
}

/** Levenshtein distance, case-insensitive, as cobra's `ld(s, t, ignoreCase)`. */
function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = cur;
  }
  return prev[t.length] as number;
}

/**
 * cobra's `unknown command` error with its `Did you mean this?` suggestions (`SuggestionsFor`:
 * Levenshtein distance ≤ 2 or a prefix of a command name, in command order).
 */
export function unknownCommandText(word: string): string {
  const suggestions = VISIBLE_COMMAND_NAMES.filter(
    (name) => levenshtein(word, name) <= 2 || name.toLowerCase().startsWith(word.toLowerCase()),
  );
  let text = `error: unknown command "${word}" for "kubectl"`;
  if (suggestions.length > 0)
    text += `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join("")}`;
  return text;
}

function* runParsed(
  def: CommandDef,
  name: string,
  tokens: string[],
  api: ClusterApi,
  ctx: KubectlContext,
): CommandTask<CommandResult> {
  const specs: FlagSpec[] = [...GLOBAL_FLAGS, ...def.flags];
  const parsed = def.raw
    ? { positionals: tokens, afterDash: undefined, flags: new Map() }
    : parseArgs(tokens, specs);
  if ("error" in parsed) return failed(flagError(name, parsed.error).text);
  const flags = new Flags(parsed.flags);
  const out = new Output();
  if (flags.bool("help")) {
    return {
      exitCode: 0,
      stdout: `${def.summary}\n\n(Podlife emulates kubectl; full help text is not available.)\n`,
      stderr: "",
    };
  }
  const nsFlag = flags.string("namespace");
  const inv: Invocation = {
    api,
    command: name,
    namespace: nsFlag ?? ctx.namespace ?? "default",
    namespaceExplicit: nsFlag !== undefined,
    flags,
    positionals: parsed.positionals,
    afterDash: parsed.afterDash,
    ctx,
    out,
    now: () => api.startTimeMs() + api.nowMs(),
  };
  try {
    const code: number = yield* def.run(inv) as Generator<Wait, number, void>;
    return { exitCode: code, stdout: out.stdout, stderr: out.stderr };
  } catch (e) {
    if (e instanceof KubectlError) {
      const err = out.stderr + (e.text.endsWith("\n") || e.text === "" ? e.text : `${e.text}\n`);
      return { exitCode: e.exitCode, stdout: out.stdout, stderr: err };
    }
    const msg = e instanceof Error ? e.message : String(e);
    return {
      exitCode: 1,
      stdout: out.stdout,
      stderr: `${out.stderr}error: internal error in the kubectl emulator: ${msg}\n`,
    };
  }
}

/**
 * Runs one `kubectl …` command line against the cluster. The leading word must be `kubectl`.
 * Yields whenever the command waits for virtual time to pass; returns stdout, stderr and the
 * exit code kubectl would give.
 */
export function* runCommandLine(
  line: string,
  api: ClusterApi,
  ctx: KubectlContext,
): CommandTask<CommandResult> {
  const words = tokenize(line);
  if (!Array.isArray(words)) return failed(`error: ${words.error}`, 2);
  if (words.length === 0) return failed("error: empty command line");
  if (words[0] !== "kubectl") {
    return failed(
      `error: ${JSON.stringify(words[0])}: only kubectl commands can be run here (start the line with "kubectl")`,
      127,
    );
  }
  const at = findCommand(words);
  if (typeof at === "object") return failed(`error: ${at.error}\nSee 'kubectl --help' for usage.`);
  if (at < 0) return { exitCode: 0, stdout: helpText(), stderr: "" };
  const name = words[at] as string;
  const def = COMMANDS.get(name);
  if (!def) return failed(unknownCommandText(name));
  const tokens = [...words.slice(1, at), ...words.slice(at + 1)];
  try {
    return yield* runParsed(def, name, tokens, api, ctx);
  } catch (e) {
    // Why: runParsed already catches command errors; this only guards against emulator bugs.
    const msg = e instanceof Error ? e.message : String(e);
    return failed(`error: internal error in the kubectl emulator: ${msg}`);
  }
}
