/**
 * kubectl's error shapes. `cmdutil.CheckErr` prints API errors as
 * `Error from server (Reason): message` and everything else as `error: message`, then exits 1.
 */

/** A failure that ends a command: its full stderr text (without the final newline) and exit code. */
export class KubectlError extends Error {
  constructor(
    readonly text: string,
    readonly exitCode = 1,
  ) {
    super(text);
  }
}

/** `error: …` (a client-side failure). */
export function clientError(message: string): KubectlError {
  return new KubectlError(`error: ${message}`);
}

/** `Error from server (Reason): …` (what the API server answered). */
export function serverError(reason: string, message: string): KubectlError {
  return new KubectlError(`Error from server (${reason}): ${message}`);
}

/** `Error from server (NotFound): pods "x" not found`. */
export function notFoundText(resource: string, name: string): string {
  return `Error from server (NotFound): ${resource} "${name}" not found`;
}

/** A flag parsing problem: pflag's message plus kubectl's `FlagErrorFunc` pointer to the help. */
export function flagError(command: string, message: string): KubectlError {
  return new KubectlError(`error: ${message}\nSee 'kubectl ${command} --help' for usage.`);
}

/** `cmdutil.UsageErrorf`: an argument problem plus `See 'kubectl CMD -h' for help and examples`. */
export function usageError(command: string, message: string): KubectlError {
  return new KubectlError(`error: ${message}\nSee 'kubectl ${command} -h' for help and examples`);
}

/** Wraps an error text from the cluster (already kubectl-shaped, or a bare message). */
export function fromCluster(text: string): KubectlError {
  const t = text.replace(/\n+$/, "");
  if (t.startsWith("Error from server") || t.startsWith("error:") || t.startsWith("Error:"))
    return new KubectlError(t);
  return new KubectlError(`error: ${t}`);
}
