/**
 * What commands that change objects print (cli-runtime `PrintFlags` with a name printer whose
 * operation is `created`, `scaled`, …): `-o name` prints `kind/name`, `-o json|yaml|jsonpath=…`
 * the object, and no `-o` prints `kind/name OPERATION`, with ` (dry run)` or ` (server dry run)`
 * after a dry run (`PrintFlagsWithDryRunStrategy`).
 */
import type { ApiObject } from "../api.ts";
import type { DryRunStrategy } from "../dry-run.ts";
import { dryRunSuffix } from "../dry-run.ts";
import { clientError } from "../errors.ts";
import { renderJsonPath } from "../jsonpath.ts";
import { toKubectlYaml } from "./go-yaml.ts";
import { sortKeys, toGoStructJson, toKubectlJson } from "./json.ts";

const ALLOWED_FORMATS =
  "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml";

/** Prints objects as one command's `PrintFlags` printer would, counting YAML documents. */
export class MutationPrinter {
  private yamlDocs = 0;

  /** Throws kubectl's error for an `-o` no object printer takes (`-o wide`). */
  constructor(
    private readonly output: string | undefined,
    private readonly operation: string,
    private readonly dryRun: DryRunStrategy,
  ) {
    if (output === undefined || output === "" || output === "name" || output === "json" || output === "yaml")
      return;
    if (output.startsWith("jsonpath=")) return;
    if (output === "jsonpath") throw clientError("template format specified but no template given");
    throw clientError(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS}`,
    );
  }

  /** Whether the object itself is printed (`-o json|yaml|jsonpath`), not a line about it. */
  get printsObject(): boolean {
    return this.output !== undefined && this.output !== "" && this.output !== "name";
  }

  /**
   * Prints one object. `display` is `kind.group/name`; `typed` objects (built by a kubectl
   * generator) keep their key order in JSON, as Go marshals a struct.
   */
  text(obj: ApiObject, display: string, typed = false): string {
    const output = this.output ?? "";
    if (output === "") return `${display} ${this.operation}${dryRunSuffix(this.dryRun)}\n`;
    if (output === "name") return `${display}\n`;
    if (output === "json") return typed ? toGoStructJson(obj) : toKubectlJson(obj);
    if (output === "yaml") {
      // Why (printers/yaml.go): every document after the first is preceded by `---`.
      const sep = this.yamlDocs++ > 0 ? "---\n" : "";
      return sep + toKubectlYaml(sortKeys(obj));
    }
    const tpl = output.slice("jsonpath=".length).replace(/^'(.*)'$/s, "$1");
    const r = renderJsonPath(tpl, sortKeys(obj));
    if (!r.ok) throw clientError(r.error);
    return r.text;
  }
}
