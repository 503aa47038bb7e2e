/**
 * Open311 GeoReport v2 output: XML (required by the spec) and JSON (its Spark mapping:
 * a list element becomes an array of its items). Built by hand: the documents are
 * small and flat, and one escape function is all the safety XML needs.
 */
export const OPEN311_FORMATS = ['xml', 'json'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

export type Open311Value =
  | string
  | number
  | boolean
  | null
  | Open311Value[]
  | { [key: string]: Open311Value };

/** The element name of one item of each list element of the spec. */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

/** One Open311 error: `code` is the HTTP status (the spec's convention), `description` for people. */
export interface Open311Problem {
  code: number;
  description: string;
}

/** A refusal in the spec's error list shape, with its HTTP status. */
export class Open311Error extends Error {
  readonly status: number;
  readonly problems: Open311Problem[];

  constructor(status: number, problems: (string | Open311Problem)[]) {
    const list = problems.map((p) => (typeof p === 'string' ? { code: status, description: p } : p));
    super(list.map((p) => p.description).join('; '));
    this.status = status;
    this.problems = list;
  }
}

/** XML 1.0 carries tab, newline and carriage return below U+0020, no U+FFFE/U+FFFF, no lone surrogates. */
function xmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
}

function dropInvalidXml(text: string): string {
  let out = '';
  // for…of walks code points: a valid surrogate pair arrives whole, a lone one alone.
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const lone = char.length === 1 && code >= 0xd800 && code <= 0xdfff;
    if (xmlChar(code) && !lone) out += char;
  }
  return out;
}

/** Escapes text for an XML element or attribute; drops characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return dropInvalidXml(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function element(name: string, value: Open311Value): string {
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name];
    if (!item) throw new Error(`no item name for the list <${name}>`);
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** The document `root` holding `value`, with the declaration the spec asks for. */
export function toXml(root: string, value: Open311Value): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;
}

export const CONTENT_TYPES: Record<Open311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The body of an answer in `format`: JSON as the value itself, XML under `root`. */
export function render(format: Open311Format, root: string, value: Open311Value): string {
  return format === 'json' ? JSON.stringify(value) : toXml(root, value);
}

/** `utility.water.json` → { name: 'utility.water', format: 'json' }; null for another extension. */
export function splitFormat(file: string): { name: string; format: Open311Format } | null {
  const dot = file.lastIndexOf('.');
  if (dot <= 0) return null;
  const format = file.slice(dot + 1);
  return isFormat(format) ? { name: file.slice(0, dot), format } : null;
}

export function isFormat(value: string | undefined): value is Open311Format {
  return (OPEN311_FORMATS as readonly string[]).includes(value ?? '');
}
