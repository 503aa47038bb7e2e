import type { Open311Form } from './submit-open311-request.ts';

/** `attribute[code]` and `attribute[code][]` (multivaluelist) of the spec. */
const ATTRIBUTE = /^attribute\[([^\]]{1,100})\](?:\[\])?$/;

/** A parsed form body. Maps, not objects, so a field named `__proto__` is just a field. */
export class ParsedForm {
  readonly fields = new Map<string, string>();
  readonly attributes = new Map<string, string[]>();
}

/** An application/x-www-form-urlencoded body: the first value of each field, every value of each attribute. */
export function parseForm(body: string): ParsedForm {
  const form = new ParsedForm();
  for (const [name, value] of new URLSearchParams(body)) {
    const attribute = ATTRIBUTE.exec(name)?.[1];
    if (attribute) form.attributes.set(attribute, [...(form.attributes.get(attribute) ?? []), value]);
    else if (!form.fields.has(name)) form.fields.set(name, value);
  }
  return form;
}

/** String and number properties of a JSON object or a query string. */
function plainFields(value: unknown): Map<string, string> {
  const fields = new Map<string, string>();
  if (!value || typeof value !== 'object' || Array.isArray(value)) return fields;
  for (const [name, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number') fields.set(name, String(v));
  }
  return fields;
}

/**
 * The request's Open311 fields: the body (a form, or a JSON object), then the query
 * string for what the body lacks (some clients send api_key or jurisdiction_id there).
 */
export function toForm(body: unknown, query: unknown): Open311Form {
  const fields = body instanceof ParsedForm ? body.fields : plainFields(body);
  const attributes = body instanceof ParsedForm ? body.attributes : new Map<string, string[]>();
  const fallback = plainFields(query);
  return {
    // "Optional" in the spec: an empty parameter is the same as an absent one.
    get: (name) => {
      const value = (fields.get(name) ?? fallback.get(name))?.trim();
      return value ? value : undefined;
    },
    attribute: (code) => attributes.get(code) ?? [],
  };
}
