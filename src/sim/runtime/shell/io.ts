/**
 * A command's open files: standard input as text with a read position (so `read` in a loop
 * consumes it line by line) and output file descriptors as sinks (the container log, a file, a
 * command substitution's buffer, or /dev/null).
 */
import type { OutputSink } from "../kernel.ts";

/** Standard input as text with a read position shared by whoever reads from it. */
export class InputStream {
  private pos = 0;

  constructor(private readonly text: string) {}

  /** The next line without its newline; undefined at end of input. `partial` is true when it had no newline. */
  readLine(): { line: string; partial: boolean } | undefined {
    if (this.pos >= this.text.length) return undefined;
    const nl = this.text.indexOf("\n", this.pos);
    if (nl < 0) {
      const line = this.text.slice(this.pos);
      this.pos = this.text.length;
      return { line, partial: true };
    }
    const line = this.text.slice(this.pos, nl);
    this.pos = nl + 1;
    return { line, partial: false };
  }

  /** Everything not yet read (a child process gets it all, as with a pipe or file). */
  takeRest(): string {
    const rest = this.text.slice(this.pos);
    this.pos = this.text.length;
    return rest;
  }
}

const PIPE_MARK: unique symbol = Symbol("pipe");

/** A sink that collects a pipeline stage's output, marked so writers can tell it is a pipe. */
export function pipeSink(write: OutputSink): OutputSink {
  return Object.assign((t: string) => write(t), { [PIPE_MARK]: true });
}

/** True when a sink is a pipeline stage's output (`yes` stops there as if the reader went away). */
export function isPipe(sink: unknown): boolean {
  return typeof sink === "function" && PIPE_MARK in sink;
}

/** A sink that discards everything (`/dev/null`). */
export const devNull: OutputSink = () => {};

/** The open files of a command. */
export class Io {
  constructor(
    public stdin: InputStream,
    readonly fds: Map<number, OutputSink>,
  ) {}

  /** Standard output. */
  get out(): OutputSink {
    return this.fds.get(1) ?? devNull;
  }

  /** Standard error. */
  get err(): OutputSink {
    return this.fds.get(2) ?? devNull;
  }

  /** A copy whose descriptors can be redirected without touching this one. */
  clone(): Io {
    return new Io(this.stdin, new Map(this.fds));
  }
}
