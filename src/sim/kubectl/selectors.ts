/** Label selectors (`-l`) and field selectors (`--field-selector`), as the API server applies them. */
import type { ApiObject } from "./api.ts";

type Requirement =
  | { op: "=" | "!="; key: string; value: string }
  | { op: "in" | "notin"; key: string; values: string[] }
  | { op: "exists" | "!exists"; key: string };

/** A parsed selector: `matches` tests an object. */
export interface Selector {
  matches(obj: ApiObject): boolean;
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const c of s) {
    if (c === "(") depth++;
    if (c === ")") depth--;
    if (c === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += c;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** Parses a label selector (`app=web,tier!=db,env in (a,b),!legacy`). */
export function parseLabelSelector(text: string): Selector | { error: string } {
  const reqs: Requirement[] = [];
  for (const part of splitTopLevel(text)) {
    let m: RegExpExecArray | null;
    if ((m = /^([^\s=!(),]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part))) {
      const values = (m[3] as string)
        .split(",")
        .map((v) => v.trim())
        .filter((v) => v !== "");
      reqs.push({ op: m[2] as "in" | "notin", key: m[1] as string, values });
    } else if ((m = /^([^\s=!(),]+)\s*(==|=|!=)\s*([^\s=!(),]*)$/.exec(part))) {
      reqs.push({ op: m[2] === "!=" ? "!=" : "=", key: m[1] as string, value: m[3] as string });
    } else if ((m = /^!\s*([^\s=!(),]+)$/.exec(part))) {
      reqs.push({ op: "!exists", key: m[1] as string });
    } else if ((m = /^([^\s=!(),]+)$/.exec(part))) {
      reqs.push({ op: "exists", key: m[1] as string });
    } else {
      return { error: `unable to parse requirement: found '${part}', expected: identifier` };
    }
  }
  return {
    matches(obj: ApiObject): boolean {
      const labels = obj.metadata.labels ?? {};
      return reqs.every((r) => {
        const has = Object.hasOwn(labels, r.key);
        const v = labels[r.key];
        switch (r.op) {
          case "=":
            return has && v === r.value;
          case "!=":
            return !has || v !== r.value;
          case "in":
            return has && r.values.includes(v as string);
          case "notin":
            return !has || !r.values.includes(v as string);
          case "exists":
            return has;
          case "!exists":
            return !has;
        }
        return false;
      });
    },
  };
}

/** Reads a dotted field path (`involvedObject.name`, `status.phase`) as a string. */
export function fieldAt(obj: unknown, path: string): string {
  let cur: unknown = obj;
  for (const k of path.split(".")) {
    if (cur === null || typeof cur !== "object") return "";
    cur = (cur as Record<string, unknown>)[k];
  }
  if (cur === undefined || cur === null) return "";
  return typeof cur === "object" ? JSON.stringify(cur) : String(cur);
}

/** Parses a field selector (`status.phase=Running,spec.nodeName!=node-1`). */
export function parseFieldSelector(text: string): Selector | { error: string } {
  const reqs: { key: string; neg: boolean; value: string }[] = [];
  for (const part of splitTopLevel(text)) {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part);
    if (!m) return { error: `invalid selector: '${text}'; can't understand '${part}'` };
    reqs.push({ key: (m[1] as string).trim(), neg: m[2] === "!=", value: (m[3] as string).trim() });
  }
  return { matches: (obj) => reqs.every((r) => (fieldAt(obj, r.key) === r.value) !== r.neg) };
}
