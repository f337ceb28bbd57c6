/** Where a JSON value sits in a text: `text.slice(start, end)` is its source. */
export interface JsonSpan {
  /** Index of the value's first character. */
  start: number;
  /** Index just after its last character. */
  end: number;
}

/** An array's span and the spans of its elements, in order. */
export interface ArrayLayout extends JsonSpan {
  /** One span per element. */
  elements: JsonSpan[];
}

/**
 * Finds the array under `key` in the top-level object of a valid JSON text, so an edit can
 * replace that array alone and leave the rest of the owner's formatting byte for byte.
 * Returns null when the text has no such array.
 */
export function locateTopLevelArray(text: string, key: string): ArrayLayout | null {
  let i = skipSpace(text, 0);
  if (text[i] !== "{") return null;
  let found: ArrayLayout | null = null;
  i = skipSpace(text, i + 1);
  while (i < text.length && text[i] === '"') {
    const keyEnd = skipString(text, i);
    const name: unknown = JSON.parse(text.slice(i, keyEnd));
    i = skipSpace(text, keyEnd);
    if (text[i] !== ":") return null;
    const valueStart = skipSpace(text, i + 1);
    const valueEnd = skipValue(text, valueStart);
    // JSON.parse keeps the last of duplicate keys, and so does this.
    if (name === key && text[valueStart] === "[") {
      found = { start: valueStart, end: valueEnd, elements: locateElements(text, valueStart) };
    }
    i = skipSpace(text, valueEnd);
    if (text[i] === ",") i = skipSpace(text, i + 1);
  }
  return found;
}

function locateElements(text: string, arrayStart: number): JsonSpan[] {
  const elements: JsonSpan[] = [];
  let i = skipSpace(text, arrayStart + 1);
  while (i < text.length && text[i] !== "]") {
    const end = skipValue(text, i);
    elements.push({ start: i, end });
    i = skipSpace(text, end);
    if (text[i] === ",") i = skipSpace(text, i + 1);
  }
  return elements;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] ?? "")) i++;
  return i;
}

/** `from` is at an opening quote; returns the index after the closing one. */
function skipString(text: string, from: number): number {
  let i = from + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  return i + 1;
}

function skipValue(text: string, from: number): number {
  const first = text[from];
  if (first === '"') return skipString(text, from);
  if (first !== "{" && first !== "[") {
    let i = from;
    while (i < text.length && !/[\s,\]}]/.test(text[i] ?? "")) i++;
    return i;
  }
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      i = skipString(text, i);
      continue;
    }
    if (char === "{" || char === "[") depth++;
    else if (char === "}" || char === "]") depth--;
    i++;
    if (depth === 0) return i;
  }
  return i;
}
