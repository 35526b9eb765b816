/**
 * A subset of kubectl's JSONPath templates (`-o jsonpath=…`, `--sort-by`): literal text, `{.a.b}`,
 * `{.items[0]}`, `{.items[*].metadata.name}`, `{.metadata.labels.app\.kubernetes\.io/name}`,
 * `{['key']}`, `{.items[-1:]}`, filters like `{.status.conditions[?(@.type=="Ready")].status}`,
 * `{range .items[*]}…{end}`, and quoted literals like `{"\n"}`. Results print like
 * kubectl: strings bare, several results joined by a space, objects and arrays as JSON.
 */

type Step =
  | { kind: "field"; name: string }
  | { kind: "index"; index: number }
  | { kind: "all" }
  | { kind: "slice"; start: number | undefined; end: number | undefined }
  | { kind: "filter"; left: Step[]; op: string | undefined; right: string | number | undefined };

type Node =
  | { kind: "text"; text: string }
  | { kind: "path"; steps: Step[] }
  | { kind: "range"; steps: Step[]; body: Node[] };

function parsePath(expr: string): Step[] | { error: string } {
  let s = expr.trim();
  if (s.startsWith("$")) s = s.slice(1);
  const steps: Step[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === ".") {
      i++;
      let name = "";
      while (i < s.length && s[i] !== "." && s[i] !== "[") {
        if (s[i] === "\\" && i + 1 < s.length) {
          name += s[i + 1];
          i += 2;
        } else name += s[i++];
      }
      if (name === "*") steps.push({ kind: "all" });
      else if (name !== "") steps.push({ kind: "field", name });
    } else if (c === "[") {
      const end = s.indexOf("]", i);
      if (end < 0) return { error: `unterminated array` };
      const inner = s.slice(i + 1, end).trim();
      if (inner === "*") steps.push({ kind: "all" });
      else if (/^-?\d+$/.test(inner)) steps.push({ kind: "index", index: Number(inner) });
      else if (/^'.*'$|^".*"$/.test(inner)) steps.push({ kind: "field", name: inner.slice(1, -1) });
      else if (/^(-?\d+)?:(-?\d+)?$/.test(inner)) {
        const [a, b] = inner.split(":");
        steps.push({ kind: "slice", start: a ? Number(a) : undefined, end: b ? Number(b) : undefined });
      } else if (inner.startsWith("?(") && inner.endsWith(")")) {
        // A filter: `?(@.type=="Ready")`, `?(@.port>80)`, `?(@.name)`.
        const m = /^@((?:\.[^.=!<>\s]+)*)\s*(?:(==|!=|<=|>=|<|>)\s*(.+))?$/.exec(inner.slice(2, -1).trim());
        if (!m) return { error: `unsupported filter [${inner}]` };
        const left = parsePath(m[1] ?? "");
        if ("error" in left) return left;
        const lit = m[3]?.trim();
        let right: string | number | undefined;
        if (lit === undefined) right = undefined;
        else if (/^'.*'$|^".*"$/.test(lit)) right = lit.slice(1, -1);
        else if (/^-?\d+(\.\d+)?$/.test(lit)) right = Number(lit);
        else return { error: `unsupported filter value ${lit}` };
        steps.push({ kind: "filter", left, op: m[2], right });
      } else return { error: `unsupported array expression [${inner}]` };
      i = end + 1;
    } else {
      return {
        error: `unrecognized character in action: U+${(c as string).charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} '${c}'`,
      };
    }
  }
  return steps;
}

function unquote(lit: string): string {
  const body = lit.slice(1, -1);
  return body.replace(/\\(.)/g, (_, ch: string) => ({ n: "\n", t: "\t", r: "\r" })[ch] ?? ch);
}

/** Parses a template into nodes. */
function parseTemplate(tpl: string): Node[] | { error: string } {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < tpl.length) {
    const open = tpl.indexOf("{", i);
    const top = stack[stack.length - 1] as Node[];
    if (open < 0) {
      top.push({ kind: "text", text: tpl.slice(i) });
      break;
    }
    if (open > i) top.push({ kind: "text", text: tpl.slice(i, open) });
    const close = tpl.indexOf("}", open);
    if (close < 0) return { error: `unclosed action` };
    const action = tpl.slice(open + 1, close).trim();
    i = close + 1;
    if (/^".*"$|^'.*'$/.test(action)) top.push({ kind: "text", text: unquote(action) });
    else if (action.startsWith("range ")) {
      const steps = parsePath(action.slice(6));
      if ("error" in steps) return steps;
      const body: Node[] = [];
      top.push({ kind: "range", steps, body });
      stack.push(body);
    } else if (action === "end") {
      if (stack.length === 1) return { error: `not in range, nothing to end` };
      stack.pop();
    } else {
      const steps = parsePath(action);
      if ("error" in steps) return steps;
      top.push({ kind: "path", steps });
    }
  }
  return root;
}

function evaluate(steps: Step[], data: unknown): unknown[] | { error: string } {
  let cur: unknown[] = [data];
  for (const st of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (st.kind === "field") {
        if (v !== null && typeof v === "object" && !Array.isArray(v)) {
          // kubectl's default --allow-missing-template-keys=true: a missing key prints nothing.
          const x = (v as Record<string, unknown>)[st.name];
          if (x !== undefined) next.push(x);
        }
      } else if (st.kind === "index") {
        if (!Array.isArray(v)) return { error: `array index out of bounds` };
        const idx = st.index < 0 ? v.length + st.index : st.index;
        if (idx < 0 || idx >= v.length)
          return { error: `array index out of bounds: index ${st.index}, length ${v.length}` };
        next.push(v[idx]);
      } else if (st.kind === "slice") {
        if (!Array.isArray(v)) continue;
        const norm = (n: number) => (n < 0 ? Math.max(0, v.length + n) : Math.min(n, v.length));
        next.push(...v.slice(norm(st.start ?? 0), norm(st.end ?? v.length)));
      } else if (st.kind === "filter") {
        const items = Array.isArray(v) ? v : [v];
        for (const item of items) {
          const r = evaluate(st.left, item);
          if ("error" in r || r.length === 0) continue;
          const x = r[0];
          if (st.op === undefined) {
            next.push(item);
            continue;
          }
          const y = st.right;
          const cmp =
            typeof x === "number" && typeof y === "number"
              ? x - y
              : String(x) < String(y)
                ? -1
                : String(x) > String(y)
                  ? 1
                  : 0;
          const ok =
            st.op === "=="
              ? String(x) === String(y)
              : st.op === "!="
                ? String(x) !== String(y)
                : st.op === "<"
                  ? cmp < 0
                  : st.op === ">"
                    ? cmp > 0
                    : st.op === "<="
                      ? cmp <= 0
                      : cmp >= 0;
          if (ok) next.push(item);
        }
      } else if (Array.isArray(v)) next.push(...v);
      else if (v !== null && typeof v === "object") next.push(...Object.values(v));
    }
    cur = next;
  }
  return cur;
}

function show(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** Renders a JSONPath template against data; errors read like kubectl's. */
export function renderJsonPath(
  template: string,
  data: unknown,
): { ok: true; text: string } | { ok: false; error: string } {
  const nodes = parseTemplate(template);
  if ("error" in nodes) return { ok: false, error: `error parsing jsonpath ${template}, ${nodes.error}` };
  let out = "";
  const run = (list: Node[], ctx: unknown): string | undefined => {
    for (const n of list) {
      if (n.kind === "text") out += n.text;
      else if (n.kind === "path") {
        const r = evaluate(n.steps, ctx);
        if ("error" in r) return r.error;
        out += r.map(show).join(" ");
      } else {
        const r = evaluate(n.steps, ctx);
        if ("error" in r) return r.error;
        const items = r.length === 1 && Array.isArray(r[0]) ? (r[0] as unknown[]) : r;
        for (const item of items) {
          const e = run(n.body, item);
          if (e) return e;
        }
      }
    }
    return undefined;
  };
  const err = run(nodes, data);
  if (err)
    return {
      ok: false,
      error: `error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${err}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${JSON.stringify(data)}\n\n`,
    };
  return { ok: true, text: out };
}

/** Every value a path selects (for `-o custom-columns`); undefined when the path is invalid. */
export function valuesAt(path: string, data: unknown): unknown[] | undefined {
  const expr = path.trim().replace(/^\{|\}$/g, "");
  const steps = parsePath(expr);
  if ("error" in steps) return undefined;
  const r = evaluate(steps, data);
  return "error" in r ? undefined : r;
}

/** Evaluates one path (for `--sort-by`); undefined when missing. */
export function valueAt(path: string, data: unknown): unknown {
  const expr = path.replace(/^\{|\}$/g, "");
  const steps = parsePath(expr);
  if ("error" in steps) return undefined;
  const r = evaluate(steps, data);
  return "error" in r ? undefined : r[0];
}
