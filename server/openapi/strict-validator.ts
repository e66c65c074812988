/**
 * Checking real responses against the OpenAPI document the way a strict client would: each
 * OpenAPI 3.0 schema object becomes JSON Schema (draft-07) and is compiled by ajv in strict mode
 * (unknown keywords, `nullable` without `type`, `required` names that are not properties — all
 * refused at compile time). `nullable` keeps OpenAPI's meaning through ajv's own support: it adds
 * null to `type`, never to `enum` — exactly the rule the document must follow.
 * Used by tests (server/openapi/document.test.ts); not by the running server.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: under ESM its function is the default export's default.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

type Schema = Record<string, unknown>;

/** OpenAPI 3.0 → JSON Schema draft-07: boolean exclusiveMinimum/Maximum become the numeric form. */
export function oasToJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(oasToJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node as Schema)) {
    // Instance values (defaults, examples, enums) are data, not schemas: copied as they are.
    out[key] = key === 'enum' || key === 'default' || key === 'example' ? value : oasToJsonSchema(value);
  }
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] === 'boolean') {
      if (out[flag] === true && typeof out[bound] === 'number') {
        out[flag] = out[bound];
        delete out[bound];
      } else delete out[flag];
    }
  }
  return out;
}

export function strictAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true, discriminator: true });
  addFormats(ajv);
  ajv.addFormat('binary', true); // a file body (format of OpenAPI, not of JSON Schema)
  // OpenAPI's annotation keywords: no effect on validation.
  ajv.addVocabulary(['example', 'xml', 'externalDocs']);
  return ajv;
}

const compiled = new WeakMap<Ajv, Map<string, ValidateFunction>>();

/**
 * Compile one OpenAPI schema object (throws on anything a strict validator refuses). Identical
 * schemas (the document repeats a resource's schema in every operation answering it) compile once.
 */
export function compileOasSchema(ajv: Ajv, schema: unknown): ValidateFunction {
  const cache = compiled.get(ajv) ?? new Map<string, ValidateFunction>();
  compiled.set(ajv, cache);
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(oasToJsonSchema(schema) as Schema);
    cache.set(key, validate);
  }
  return validate;
}
