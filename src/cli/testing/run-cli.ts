/** Runs the `podlife` CLI in-process for tests, with a given standard input. */
import { Readable, Writable } from "node:stream";
import { main } from "../main.ts";

/** Runs the CLI with the given stdin; returns its exit code and output. */
export async function runCli(
  argv: string[],
  stdin: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const sink = (onChunk: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, cb) {
        onChunk(String(chunk));
        cb();
      },
    });
  const code = await main(argv, {
    stdin: Readable.from([stdin]),
    stdout: sink((s) => {
      stdout += s;
    }),
    stderr: sink((s) => {
      stderr += s;
    }),
  });
  return { code, stdout, stderr };
}
