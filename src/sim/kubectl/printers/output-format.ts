/** The non-table output formats shared by commands: `json`, `yaml`, `name`, `jsonpath=…`. */
import type { ApiObject } from "../api.ts";
import { renderJsonPath } from "../jsonpath.ts";
import { kindString, type ResourceType, resourceForKind } from "../resources.ts";
import { toKubectlYaml } from "./go-yaml.ts";
import { asList, sortKeys, toKubectlJson } from "./json.ts";

/** Whether `-o` asks for a structured (non-table) format. */
export function isStructuredFormat(output: string): boolean {
  return (
    output === "json" ||
    output === "yaml" ||
    output === "name" ||
    output.startsWith("jsonpath=") ||
    output === "jsonpath"
  );
}

/**
 * Prints objects in a structured format. `single` prints the object itself, otherwise a `v1`
 * `List` (as kubectl does when several objects, or a whole type, were asked for).
 */
export function formatObjects(
  output: string,
  objs: ApiObject[],
  single: boolean,
  types: ResourceType[] = [],
): { ok: true; text: string } | { ok: false; error: string } {
  const data: unknown = single ? objs[0] : asList(objs);
  if (output === "json") return { ok: true, text: toKubectlJson(data) };
  if (output === "yaml") return { ok: true, text: toKubectlYaml(sortKeys(data)) };
  if (output === "name") {
    const lines = objs.map((o) => {
      const t = resourceForKind(o.kind) ?? types[0];
      return `${t ? kindString(t) : o.kind.toLowerCase()}/${o.metadata.name}\n`;
    });
    return { ok: true, text: lines.join("") };
  }
  if (output === "jsonpath")
    return { ok: false, error: "error: template format specified but no template given" };
  const tpl = output.slice("jsonpath=".length).replace(/^'(.*)'$/s, "$1");
  const r = renderJsonPath(tpl, sortKeys(data));
  return r.ok ? r : { ok: false, error: `error: ${r.error}` };
}
