#!/usr/bin/env node
/**
 * Generates the trimmed Kubernetes JSON Schemas Podlife ships (src/sim/api/schemas/):
 *
 * - `kubernetes.json`: a JSON Schema (draft-07) with the definitions reachable from the kinds
 *   Podlife reads (v1 Pod and Service, apps/v1 Deployment and ReplicaSet), descriptions included.
 *   The editor uses it for completion and hover; `oneOf` picks the kind.
 * - `fields.json`: the same types as a compact field table (no descriptions) that the simulator's
 *   strict decoding uses to find unknown fields and check value types.
 *
 * Source: the upstream OpenAPI definitions as carried, with their doc comments, by the npm packages
 * `kubernetes-models@5.1.0` and `@kubernetes-models/apimachinery@3.0.2` (their `.d.ts` files).
 * They are NOT project dependencies; fetch them once into a scratch folder and point the script there:
 *
 *   mkdir -p /tmp/k8s && cd /tmp/k8s && npm pack kubernetes-models@5.1.0 @kubernetes-models/apimachinery@3.0.2
 *   tar xzf kubernetes-models-5.1.0.tgz && mv package models
 *   tar xzf kubernetes-models-apimachinery-3.0.2.tgz && mv package apimachinery
 *   node scripts/gen-k8s-schemas.mjs --models /tmp/k8s/models --apimachinery /tmp/k8s/apimachinery
 *
 * Without flags it looks in node_modules/. Output is deterministic (sorted keys).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT_DIR = join(REPO, "src/sim/api/schemas");
const MODELS_VERSION = "5.1.0";
const APIMACHINERY_VERSION = "3.0.2";

/** The kinds Podlife reads, by their package file (relative to kubernetes-models). */
const ROOTS = [
  { file: "v1/Pod.d.ts", apiVersion: "v1", kind: "Pod" },
  { file: "v1/Service.d.ts", apiVersion: "v1", kind: "Service" },
  { file: "apps/v1/Deployment.d.ts", apiVersion: "apps/v1", kind: "Deployment" },
  { file: "apps/v1/ReplicaSet.d.ts", apiVersion: "apps/v1", kind: "ReplicaSet" },
];

function arg(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function fail(message) {
  process.stderr.write(`gen-k8s-schemas: ${message}\n`);
  process.exit(1);
}

function locatePackage(flag, envName, nodeModulesPath, name, version) {
  const dir = arg(flag) ?? process.env[envName] ?? join(REPO, "node_modules", nodeModulesPath);
  const pkgJson = join(dir, "package.json");
  if (!existsSync(pkgJson)) {
    fail(
      `${name}@${version} not found at ${dir}.\n` +
        `  This script needs the npm packages kubernetes-models@${MODELS_VERSION} and ` +
        `@kubernetes-models/apimachinery@${APIMACHINERY_VERSION} (not project dependencies).\n` +
        "  Unpack them with `npm pack` and pass --models DIR --apimachinery DIR (see the header of this script).",
    );
  }
  const found = JSON.parse(readFileSync(pkgJson, "utf8"));
  if (found.name !== name) fail(`${dir} holds ${found.name}, expected ${name}`);
  if (found.version !== version) {
    process.stderr.write(
      `gen-k8s-schemas: warning: ${name} is ${found.version}, generated with ${version}\n`,
    );
  }
  return { dir, version: found.version };
}

const models = locatePackage(
  "--models",
  "K8S_MODELS_DIR",
  "kubernetes-models",
  "kubernetes-models",
  MODELS_VERSION,
);
const apimachinery = locatePackage(
  "--apimachinery",
  "K8S_APIMACHINERY_DIR",
  "@kubernetes-models/apimachinery",
  "@kubernetes-models/apimachinery",
  APIMACHINERY_VERSION,
);

/** OpenAPI-style definition name for a `.d.ts` file of either package. */
function definitionName(file) {
  if (file.startsWith(apimachinery.dir)) {
    const rel = relative(apimachinery.dir, file).replace(/\.d\.ts$/, "");
    return `io.k8s.apimachinery.pkg.${rel.split("/").join(".")}`;
  }
  const rel = relative(models.dir, file).replace(/\.d\.ts$/, "");
  const parts = rel.split("/");
  if (parts.length === 2) return `io.k8s.api.core.${parts.join(".")}`;
  const group = parts[0].replace(/\.k8s\.io$/, "");
  return `io.k8s.api.${group}.${parts.slice(1).join(".")}`;
}

/** Resolves an import specifier from a `.d.ts` file to the `.d.ts` file it names. */
function resolveImport(fromFile, spec) {
  const prefix = "@kubernetes-models/apimachinery/";
  if (spec.startsWith(prefix)) return join(apimachinery.dir, `${spec.slice(prefix.length)}.d.ts`);
  if (spec.startsWith(".")) return join(dirname(fromFile), spec.replace(/\.js$/, ".d.ts"));
  return undefined;
}

/** Splits a doc comment body into plain text. */
function docText(comment) {
  return comment
    .replace(/^\/\*\*/, "")
    .replace(/\*\/$/, "")
    .split("\n")
    .map((l) => l.replace(/^\s*\* ?/, ""))
    .join("\n")
    .trim();
}

/** Parses one generated `.d.ts` file: its imports, type aliases and the main interface. */
function parseDts(file) {
  const text = readFileSync(file, "utf8");
  const imports = new Map();
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) imports.set(m[1], m[2]);
  const alias = text.match(/export (?:declare )?type I\w+ = ([^;]+);/);
  const iface = text.match(
    /(\/\*\*[\s\S]*?\*\/)\s*export interface (I\w+)(?: extends \w+)? \{\n([\s\S]*?)\n\}/,
  );
  const aliasDoc = text.match(/(\/\*\*[\s\S]*?\*\/)\s*export (?:declare )?type I\w+ =/);
  if (!iface) {
    return { imports, alias: alias?.[1].trim(), description: aliasDoc ? docText(aliasDoc[1]) : undefined };
  }
  const members = [];
  const body = iface[3];
  let i = 0;
  let pendingDoc;
  while (i < body.length) {
    const rest = body.slice(i);
    const ws = rest.match(/^\s+/);
    if (ws) {
      i += ws[0].length;
      continue;
    }
    if (rest.startsWith("/**")) {
      const end = rest.indexOf("*/");
      pendingDoc = docText(rest.slice(0, end + 2));
      i += end + 2;
      continue;
    }
    const head = rest.match(/^"([^"]+)"(\??): /);
    if (!head) fail(`cannot parse ${file} near: ${rest.slice(0, 60)}`);
    let j = head[0].length;
    let depth = 0;
    while (j < rest.length) {
      const c = rest[j];
      if (c === "{" || c === "<" || c === "(") depth++;
      else if (c === "}" || c === ">" || c === ")") depth--;
      else if (c === ";" && depth === 0) break;
      j++;
    }
    members.push({
      name: head[1],
      optional: head[2] === "?",
      type: rest.slice(head[0].length, j).replace(/\s+/g, " ").trim(),
      description: pendingDoc,
    });
    pendingDoc = undefined;
    i += j + 1;
  }
  return { imports, description: docText(iface[1]), members };
}

const definitions = new Map();
const fieldTable = new Map();

/** Scalar aliases from apimachinery, by definition name. */
const SCALARS = {
  "io.k8s.apimachinery.pkg.util.intstr.IntOrString": {
    schema: { type: ["integer", "string"], "x-kubernetes-int-or-string": true },
    field: "int-or-string",
  },
  "io.k8s.apimachinery.pkg.api.resource.Quantity": {
    schema: { type: ["number", "string"], "x-kubernetes-quantity": true },
    field: "quantity",
  },
  "io.k8s.apimachinery.pkg.apis.meta.v1.Time": {
    schema: { type: "string", format: "date-time" },
    field: "time",
  },
  "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime": {
    schema: { type: "string", format: "date-time" },
    field: "time",
  },
  "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1": { schema: { type: "object" }, field: "any" },
  "io.k8s.apimachinery.pkg.runtime.RawExtension": { schema: { type: "object" }, field: "any" },
};

/**
 * Converts a TypeScript type of a member into a JSON Schema and a compact field type.
 * Compact types: string, integer, boolean, any, int-or-string, quantity, time, enum:A|B,
 * []T, map[T], or a definition name.
 */
function convertType(type, file, imports) {
  if (type === "string") return { schema: { type: "string" }, field: "string" };
  // Kubernetes APIs carry no floats in these groups: every number is an int32 or int64.
  if (type === "number") return { schema: { type: "integer" }, field: "integer" };
  if (type === "boolean") return { schema: { type: "boolean" }, field: "boolean" };
  if (type === "any" || type === "unknown" || type === "object") return { schema: {}, field: "any" };
  if (/^"[^"]*"( \| "[^"]*")*$/.test(type)) {
    const values = [...type.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    return { schema: { type: "string", enum: values }, field: `enum:${values.join("|")}` };
  }
  const arr = type.match(/^Array<(.+)>$/);
  if (arr) {
    const inner = convertType(arr[1], file, imports);
    return { schema: { type: "array", items: inner.schema }, field: `[]${inner.field}` };
  }
  const map = type.match(/^\{ \[key: string\]: (.+); \}$/);
  if (map) {
    const inner = convertType(map[1], file, imports);
    return { schema: { type: "object", additionalProperties: inner.schema }, field: `map[${inner.field}]` };
  }
  const spec = imports.get(type);
  if (spec) {
    const target = resolveImport(file, spec);
    if (!target) fail(`unresolvable import ${spec} in ${file}`);
    const name = visit(target);
    const scalar = SCALARS[name];
    if (scalar) return { schema: { ...scalar.schema }, field: scalar.field };
    return { schema: { $ref: `#/definitions/${name}` }, field: name };
  }
  fail(`unsupported type "${type}" in ${file}`);
}

/** Adds the definition in `file` (and everything it refers to); returns its name. */
function visit(file) {
  const name = definitionName(file);
  if (definitions.has(name) || SCALARS[name]) return name;
  if (!existsSync(file)) fail(`missing ${file}`);
  const parsed = parseDts(file);
  if (!parsed.members) {
    if (!SCALARS[name]) fail(`unknown scalar alias ${name} (${parsed.alias})`);
    return name;
  }
  const def = { description: parsed.description, type: "object", properties: {} };
  definitions.set(name, def);
  const fields = {};
  fieldTable.set(name, fields);
  const required = [];
  for (const m of parsed.members) {
    const { schema, field } = convertType(m.type, file, parsed.imports);
    def.properties[m.name] = m.description ? { description: m.description, ...schema } : schema;
    fields[m.name] = field;
    if (!m.optional && m.name !== "apiVersion" && m.name !== "kind") required.push(m.name);
  }
  if (required.length) def.required = required.sort();
  return name;
}

/** Recursively sorts object keys (arrays keep their order) for stable output. */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys(value[k])]),
    );
  }
  return value;
}

const roots = ROOTS.map((r) => ({ ...r, name: visit(join(models.dir, r.file)) }));
for (const r of roots) {
  const def = definitions.get(r.name);
  def.properties.apiVersion = { ...def.properties.apiVersion, type: "string", enum: [r.apiVersion] };
  def.properties.kind = { ...def.properties.kind, type: "string", enum: [r.kind] };
  def.required = [...new Set([...(def.required ?? []), "apiVersion", "kind"])].sort();
  def["x-kubernetes-group-version-kind"] = [
    { group: r.apiVersion.includes("/") ? r.apiVersion.split("/")[0] : "", kind: r.kind, version: "v1" },
  ];
}

const source = `kubernetes-models@${models.version}, @kubernetes-models/apimachinery@${apimachinery.version}`;
const schema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://podlife.dev/schemas/kubernetes.json",
  title: "Kubernetes objects Podlife reads (v1 Pod, v1 Service, apps/v1 Deployment, apps/v1 ReplicaSet)",
  description: `Generated by scripts/gen-k8s-schemas.mjs from ${source}. Do not edit.`,
  oneOf: roots.map((r) => ({ $ref: `#/definitions/${r.name}` })),
  definitions: sortKeys(Object.fromEntries(definitions)),
};
const table = {
  source,
  roots: Object.fromEntries(roots.map((r) => [`${r.apiVersion}/${r.kind}`, r.name])),
  types: sortKeys(Object.fromEntries(fieldTable)),
};

mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, "kubernetes.json"), `${JSON.stringify(schema, null, 1)}\n`);
writeFileSync(join(OUT_DIR, "fields.json"), `${JSON.stringify(table)}\n`);
process.stdout.write(
  `gen-k8s-schemas: ${definitions.size} definitions from ${source} -> ${relative(REPO, OUT_DIR)}/{kubernetes,fields}.json\n`,
);
