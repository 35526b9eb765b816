/**
 * `kubectl wait --for=condition=Ready|--for=delete|--for=jsonpath='{…}'=VALUE (TYPE/NAME… | TYPE NAME… |
 * TYPE -l SEL | TYPE --all) [--timeout=30s]`: waits in virtual time, each object with the full
 * timeout, and prints `pod/web condition met` for each.
 */
import type { ApiObject, Wait } from "../api.ts";
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { parseGoDuration } from "../duration.ts";
import { clientError, KubectlError, notFoundText } from "../errors.ts";
import { valueAt } from "../jsonpath.ts";
import { kindString, qualifiedPlural, type ResourceType } from "../resources.ts";
import { parseFieldSelector, parseLabelSelector } from "../selectors.ts";
import { getObject, listObjects, parseTargets } from "./targets.ts";

/** Flags of `kubectl wait`. */
export const WAIT_FLAGS: FlagSpec[] = [
  { name: "for", kind: "string" },
  { name: "timeout", kind: "string" },
  { name: "all", kind: "bool" },
  { name: "all-namespaces", short: "A", kind: "bool" },
  { name: "selector", short: "l", kind: "string" },
  { name: "field-selector", kind: "string" },
  { name: "filename", short: "f", kind: "strings" },
  { name: "output", short: "o", kind: "string" },
  { name: "local", kind: "bool" },
];

type Check = (obj: ApiObject | undefined) => boolean;

/** `conditionFuncFor`: what `--for` asks. */
function conditionFor(text: string): { check: Check; forDelete: boolean } {
  if (text.toLowerCase() === "delete") return { check: (o) => o === undefined, forDelete: true };
  if (text.startsWith("condition=")) {
    let name = text.slice("condition=".length);
    let status = "true";
    const eq = name.indexOf("=");
    if (eq >= 0) {
      status = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const check: Check = (o) => {
      const conditions =
        ((o?.status ?? {}) as { conditions?: { type?: string; status?: string }[] }).conditions ?? [];
      const c = conditions.find((x) => (x.type ?? "").toLowerCase() === name.toLowerCase());
      return c !== undefined && (c.status ?? "").toLowerCase() === status.toLowerCase();
    };
    return { check, forDelete: false };
  }
  if (text.startsWith("jsonpath=")) {
    const input = text.slice("jsonpath=".length);
    const close = input.lastIndexOf("}");
    const expression = close >= 0 ? input.slice(0, close + 1) : input;
    const rest = close >= 0 ? input.slice(close + 1) : "";
    if (rest !== "" && !rest.startsWith("="))
      throw clientError(
        `jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'`,
      );
    const expected = rest === "" ? undefined : rest.slice(1);
    const check: Check = (o) => {
      if (!o) return false;
      const v = valueAt(expression, o);
      if (v === undefined) return false;
      if (v !== null && typeof v === "object")
        throw clientError("jsonpath leads to a nested object or list which is not supported");
      return expected === undefined || String(v) === expected;
    };
    return { check, forDelete: false };
  }
  throw clientError(`unrecognized condition: ${JSON.stringify(text)}`);
}

interface Item {
  type: ResourceType;
  namespace: string;
  name: string;
}

/** Runs `kubectl wait`. */
export function* waitCommand(inv: Invocation): Generator<Wait, number, void> {
  const { flags, api, out } = inv;
  const timeoutText = flags.string("timeout") ?? "30s";
  let timeoutMs = timeoutText.startsWith("-") ? 168 * 3_600_000 : parseGoDuration(timeoutText);
  if (timeoutMs === undefined) {
    throw clientError(
      `invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`,
    );
  }
  timeoutMs = Math.round(timeoutMs);
  const { check, forDelete } = conditionFor(flags.string("for") ?? "");
  if (flags.strings("filename").length > 0)
    throw clientError("wait -f is not supported in Podlife: name the objects");
  if (inv.positionals.length === 0) {
    throw clientError(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const labelText = flags.string("selector");
  const fieldText = flags.string("field-selector");
  const labelSel = labelText !== undefined ? parseLabelSelector(labelText) : undefined;
  if (labelSel && "error" in labelSel) throw clientError(labelSel.error);
  const fieldSel = fieldText !== undefined ? parseFieldSelector(fieldText) : undefined;
  if (fieldSel && "error" in fieldSel) throw clientError(fieldSel.error);
  const selecting = flags.bool("all") || labelSel !== undefined || fieldSel !== undefined;
  const { targets } = parseTargets(inv.positionals);
  if (!selecting && targets.some((t) => t.names.length === 0)) {
    throw clientError("resource(s) were provided, but no name was specified");
  }

  // The builder fetches the objects first (WithLatest): a missing name fails, except for --for=delete.
  const items: Item[] = [];
  const errors: string[] = [];
  for (const t of targets) {
    if (t.names.length === 0) {
      let objs = listObjects(api, t.type, flags.bool("all-namespaces") ? undefined : inv.namespace);
      if (labelSel) objs = objs.filter((o) => labelSel.matches(o));
      if (fieldSel) objs = objs.filter((o) => fieldSel.matches(o));
      for (const o of objs)
        items.push({ type: t.type, namespace: o.metadata.namespace ?? "", name: o.metadata.name });
      continue;
    }
    for (const name of t.names) {
      const ns = t.type.namespaced ? inv.namespace : "";
      if (getObject(api, t.type, ns, name)) items.push({ type: t.type, namespace: ns, name });
      else if (!forDelete) errors.push(notFoundText(qualifiedPlural(t.type), name));
    }
  }
  if (errors.length > 0) throw new KubectlError(errors.join("\n"));
  if (items.length === 0) {
    if (forDelete) return 0;
    throw clientError("no matching resources found");
  }
  for (const item of items) {
    const current = () => getObject(api, item.type, item.namespace, item.name);
    if (!check(current()) && timeoutMs > 0) {
      const deadline = api.nowMs() + timeoutMs;
      yield { kind: "until", done: () => check(current()) || api.nowMs() >= deadline, timeoutMs };
    }
    if (!check(current())) {
      throw clientError(`timed out waiting for the condition on ${item.type.plural}/${item.name}`);
    }
    out.out(`${kindString(item.type)}/${item.name} condition met\n`);
  }
  return 0;
}
