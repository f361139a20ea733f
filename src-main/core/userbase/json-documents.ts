/**
 * Reads a file holding one JSON document or several written one after another (`cat page1.json page2.json`,
 * or one `list-group-memberships` output per group appended to one file). Pure: the caller passes the text.
 */

export type JsonDocuments = { ok: true; documents: unknown[] } | { ok: false; error: string };

/** Positions where one top-level JSON value ends and the next begins, found by tracking strings and nesting. */
function splitTopLevel(text: string): Array<[number, number]> | string {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      inString = true;
      if (depth === 0) return `line ${lineOf(text, i)}: a top-level value must be an object or an array`;
    } else if (c === 0x7b || c === 0x5b) {
      if (depth === 0) start = i;
      depth += 1;
    } else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
      if (depth < 0) return `line ${lineOf(text, i)}: unexpected "${text[i]}"`;
      if (depth === 0) parts.push([start, i + 1]);
    } else if (depth === 0 && c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) {
      return `line ${lineOf(text, i)}: unexpected text "${text.slice(i, i + 20)}" outside a JSON object`;
    }
  }
  if (inString || depth !== 0) return 'the JSON ends in the middle of a value (truncated file?)';
  return parts;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i += 1) if (text.charCodeAt(i) === 0x0a) line += 1;
  return line;
}

export function parseJsonDocuments(text: string): JsonDocuments {
  // The common case, one document, goes straight to the native parser.
  try {
    return { ok: true, documents: [JSON.parse(text)] };
  } catch {
    // fall through: several documents, or a syntax error to locate
  }
  const parts = splitTopLevel(text);
  if (typeof parts === 'string') return { ok: false, error: `not JSON: ${parts}` };
  if (parts.length === 0) return { ok: false, error: 'the file is empty' };
  const documents: unknown[] = [];
  for (const [from, to] of parts) {
    try {
      documents.push(JSON.parse(text.slice(from, to)));
    } catch (error) {
      return { ok: false, error: `not JSON (document starting on line ${lineOf(text, from)}): ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  return { ok: true, documents };
}
