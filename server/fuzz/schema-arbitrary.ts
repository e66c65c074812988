/**
 * fast-check arbitraries from the OpenAPI document's own schemas, salted with hostile values:
 * mostly inputs of the right shape (so requests get past validation into the handlers and the
 * database), and at every level a chance of NUL, very long strings, odd Unicode (lone surrogates,
 * right-to-left marks, combining marks, emoji, U+FFFF), boundary numbers, wrong types and unknown
 * fields. Used by api-fuzz.test.ts.
 */
import fc from 'fast-check';

/**
 * An OpenAPI schema object as the fuzz reads it: the nested schemas typed, every other keyword unknown and
 * checked where it is used (the document is generated, but read here as plain JSON).
 */
export interface Schema {
  items?: Schema;
  additionalProperties?: boolean | Schema;
  [keyword: string]: unknown;
}

const LONG = 'Đ'.repeat(10_000);

/** Strings that have broken servers: control characters, invalid UTF-16, direction marks, sizes, numbers in disguise. */
export const hostileString = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  LONG,
  'x'.repeat(100_000),
  '\ud800',
  'a\udc00b\ud83d',
  '\u202e\u200fمرحبا\u202c',
  'e\u0301\u0302\u0303\u0304\u0305\u0306\u0307',
  '😀👨‍👩‍👧‍👦🇻🇳',
  '\uffff\ufffe',
  '\ufeffBOM',
  '\u2028\u2029',
  '',
  '   ',
  '\t\r\n',
  '../../../../etc/passwd',
  "'; drop table app_user; --",
  '%00%ff%',
  '\\',
  '*',
  '%',
  '_',
  '[',
  '(?:',
  '<script>alert(1)</script>',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '9007199254740993',
  '2147483648',
  '-2147483649',
  '0',
  '-1',
  '1.5',
  'null',
  'true',
  '2024-02-30',
  '0000-01-01',
  '9999-12-31',
  '1900-01-01T00:00:00Z',
  'Đảng bộ Khối cơ quan',
  'a.b.c',
  '__proto__',
  'constructor',
);

export const hostileNumber = fc.constantFrom(
  0,
  -1,
  1,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e308,
  -1e308,
  5e-324,
  0.5,
  -0,
);

export const wrongType = fc.constantFrom<unknown>(
  null,
  true,
  false,
  [],
  {},
  [1, 'a', null],
  { a: { b: 1 } },
  'chuỗi',
  42,
  -1.5,
);

/** Keys an object should not have. */
const unknownKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'x\u0000', 'extra', '', 'id', 'ảnh'),
  fc.string({ maxLength: 12 }),
);

const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'grapheme' }) },
);

function validString(schema: Schema): fc.Arbitrary<string> {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : 60, Math.max(min, 60));
  if (typeof schema.pattern === 'string') {
    // Only the schema's own bounds: a pattern may need more than the 60 characters plain strings get.
    const patternMax = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= patternMax);
    } catch {
      // a pattern JavaScript cannot take: fall through to plain strings
    }
  }
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }),
  );
}

function bounds(schema: Schema, integer: boolean): { min: number; max: number } {
  let min = typeof schema.minimum === 'number' ? schema.minimum : -(2 ** 31);
  let max = typeof schema.maximum === 'number' ? schema.maximum : 2 ** 31 - 1;
  if (schema.exclusiveMinimum === true) min += integer ? 1 : Number.EPSILON;
  if (schema.exclusiveMaximum === true) max -= integer ? 1 : Number.EPSILON;
  if (typeof schema.exclusiveMinimum === 'number') min = schema.exclusiveMinimum + (integer ? 1 : Number.EPSILON);
  if (typeof schema.exclusiveMaximum === 'number') max = schema.exclusiveMaximum - (integer ? 1 : Number.EPSILON);
  min = Math.max(min, -(2 ** 31));
  max = Math.min(max, 2 ** 31 - 1);
  return min <= max ? { min, max } : { min: max, max };
}

/** Values of the schema's own shape (deep schemas stop at depth 6 with null). */
export function validArbitrary(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  const own = withoutNullable(schema);
  const base = shapeOf(own, depth);
  return schema.nullable ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

function withoutNullable(schema: Schema): Schema {
  const { nullable: _n, ...rest } = schema;
  return rest;
}

function shapeOf(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(branches) && branches.length > 0)
    return fc.oneof(...branches.map((b) => validArbitrary(b, depth + 1)));
  switch (schema.type) {
    case 'string':
      return validString(schema);
    case 'integer': {
      const { min, max } = bounds(schema, true);
      return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
    }
    case 'number': {
      const { min, max } = bounds(schema, false);
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = Math.min(typeof schema.minItems === 'number' ? schema.minItems : 0, 5);
      const maxLength = Math.max(minLength, Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : 4, 4));
      return fc.array(fuzzArbitrary(schema.items, depth + 1), { minLength, maxLength });
    }
    case 'object':
      return objectOf(schema, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectOf(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set<string>((schema.required as string[] | undefined) ?? []);
  const record = fc.record(
    Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, fuzzArbitrary(s, depth + 1)])),
    { requiredKeys: [...required].filter((k) => k in properties) },
  );
  const extra =
    schema.additionalProperties && typeof schema.additionalProperties === 'object'
      ? fc.dictionary(fc.string({ maxLength: 10 }), fuzzArbitrary(schema.additionalProperties, depth + 1), {
          maxKeys: 3,
        })
      : fc.constant({});
  const unknown = fc.oneof(
    { weight: 5, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.dictionary(unknownKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }) },
  );
  return fc.tuple(record, extra, unknown).map(([r, e, u]) => {
    const out: Record<string, unknown> = {};
    // defineProperty: a "__proto__" key stays an own key, as JSON.parse makes it on the server.
    for (const [k, v] of [...Object.entries(e), ...Object.entries(u), ...Object.entries(r)]) {
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  });
}

/** Mostly valid, sometimes hostile of the same kind, sometimes of the wrong type. */
export function fuzzArbitrary(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const hostile = schema?.type === 'integer' || schema?.type === 'number' ? hostileNumber : hostileString;
  return fc.oneof(
    { weight: 8, arbitrary: validArbitrary(schema, depth), depthSize: 'small' },
    { weight: 1, arbitrary: hostile },
    { weight: 1, arbitrary: fc.oneof(wrongType, hostileString, hostileNumber, anyString) },
  );
}
