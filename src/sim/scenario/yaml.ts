/**
 * Splits a scenario text into YAML documents and turns YAML syntax errors into diagnostics with
 * document, line and column (and a precise hint when a look-alike character or a tab is the cause).
 */
import { type Document, LineCounter, parseAllDocuments, type YAMLError } from "yaml";
import { findLookalikes, findTabIndents, hintFor, TAB_HINT } from "./hints.ts";
import type { Diagnostic } from "./types.ts";

/** One non-empty YAML document of the scenario. */
export interface ParsedDocument {
  /** 1-based index among the non-empty documents (empty ones, like a leading `---`, are skipped). */
  index: number;
  doc: Document.Parsed;
  /** The document as plain data (JSON-compatible). */
  value: unknown;
  /** 1-based line where the document's content starts. */
  line: number;
}

/** The documents of a text, the line counter that maps offsets to lines, and YAML diagnostics. */
export interface ParsedText {
  documents: ParsedDocument[];
  lineCounter: LineCounter;
  diagnostics: Diagnostic[];
}

/** Parses every document of `text`; documents with syntax errors yield diagnostics instead of data. */
export function parseYamlText(text: string): ParsedText {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // `parseAllDocuments` returns an EmptyStream (not an array) for a text with no documents.
  const docs: Document.Parsed[] = Array.isArray(parsed) ? parsed : [];
  const lookalikes = findLookalikes(text);
  const tabs = findTabIndents(text);
  const documents: ParsedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  let index = 0;
  for (const doc of docs) {
    const empty = doc.contents === null || (isNullScalar(doc.contents) && doc.errors.length === 0);
    if (empty && doc.errors.length === 0) continue;
    index++;
    for (const err of doc.errors)
      diagnostics.push(yamlDiagnostic(err, "error", index, lineCounter, lookalikes, tabs));
    for (const warn of doc.warnings) {
      diagnostics.push(yamlDiagnostic(warn, "warning", index, lineCounter, lookalikes, tabs));
    }
    if (doc.errors.length > 0) continue;
    const start = (doc.contents?.range?.[0] ?? doc.range[0]) as number;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      // toJS throws for alias bombs and unresolvable aliases; report it like a syntax error.
      const pos = lineCounter.linePos(start);
      diagnostics.push({
        severity: "error",
        document: index,
        line: pos.line,
        column: pos.col,
        message: e instanceof Error ? e.message : String(e),
        code: "yaml",
      });
      continue;
    }
    documents.push({ index, doc, value, line: lineCounter.linePos(start).line });
  }
  return { documents, lineCounter, diagnostics };
}

function isNullScalar(node: unknown): boolean {
  return (
    typeof node === "object" &&
    node !== null &&
    "value" in node &&
    (node as { value: unknown }).value === null
  );
}

function yamlDiagnostic(
  err: YAMLError,
  severity: "error" | "warning",
  document: number,
  lineCounter: LineCounter,
  lookalikes: ReturnType<typeof findLookalikes>,
  tabs: ReturnType<typeof findTabIndents>,
): Diagnostic {
  const start = lineCounter.linePos(err.pos[0]);
  const end = lineCounter.linePos(Math.max(err.pos[0], err.pos[1] - 1));
  const message = cleanMessage(err.message);
  let hint = hintFor(lookalikes, tabs, start.line, end.line);
  if (err.code === "TAB_AS_INDENT" && !hint) hint = TAB_HINT;
  return {
    severity,
    document,
    line: start.line,
    column: start.col,
    message: `${message}`,
    ...(hint ? { hint } : {}),
    code: "yaml",
  };
}

/** The parser's message without its position suffix and code frame (positions are separate fields). */
function cleanMessage(message: string): string {
  const first = message.split("\n")[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, "").trim();
}
