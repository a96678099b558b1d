/**
 * The value codec shared by the host and the sandbox harness (sandbox/harness.ts has the same encoder,
 * written against captured intrinsics). It is JSON in which:
 * - finite numbers (except -0), strings, booleans and null are themselves;
 * - arrays are arrays of encoded values;
 * - a plain object is `{"o":{key: encoded, ...}}` with its keys sorted, so that for exact comparison
 *   two encodings are equal exactly when the values are deeply equal;
 * - anything JSON cannot say is `{"t":"NaN"|"Infinity"|"-Infinity"|"-0"|"undefined"|"function"|"symbol"}`
 *   or `{"t":"bigint","v":"123"}`.
 */

const MAX_DEPTH = 1000;

export class CodecError extends Error {}

export function encodeValue(value: unknown): string {
  const ancestors = new Set<object>();
  const enc = (v: unknown, depth: number): string => {
    switch (typeof v) {
      case 'number':
        if (v !== v) return '{"t":"NaN"}';
        if (v === Infinity) return '{"t":"Infinity"}';
        if (v === -Infinity) return '{"t":"-Infinity"}';
        if (v === 0 && 1 / v < 0) return '{"t":"-0"}';
        return String(v);
      case 'string':
        return JSON.stringify(v);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'undefined':
        return '{"t":"undefined"}';
      case 'bigint':
        return `{"t":"bigint","v":"${String(v)}"}`;
      case 'symbol':
        return '{"t":"symbol"}';
      case 'function':
        return '{"t":"function"}';
      default:
        break;
    }
    if (v === null) return 'null';
    const obj = v as object;
    if (depth > MAX_DEPTH) throw new CodecError('value is nested too deeply');
    if (ancestors.has(obj)) throw new CodecError('value contains a cycle');
    ancestors.add(obj);
    let out: string;
    if (Array.isArray(obj)) {
      out = '[';
      for (let i = 0; i < obj.length; i++) out += (i ? ',' : '') + enc(obj[i], depth + 1);
      out += ']';
    } else {
      const keys = Object.keys(obj).sort();
      out = '{"o":{';
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        out += (i ? ',' : '') + JSON.stringify(k) + ':' + enc((obj as Record<string, unknown>)[k], depth + 1);
      }
      out += '}}';
    }
    ancestors.delete(obj);
    return out;
  };
  return enc(value, 0);
}

const SPECIALS: Record<string, unknown> = {
  NaN: NaN,
  Infinity: Infinity,
  '-Infinity': -Infinity,
  '-0': -0,
  undefined: undefined,
};

function define(target: object, key: string | number, value: unknown): void {
  // defineProperty, not assignment: a key such as "__proto__" stays an own data property.
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function revive(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    const out: unknown[] = new Array(node.length);
    for (let i = 0; i < node.length; i++) out[i] = revive(node[i]);
    return out;
  }
  const wrapper = node as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(wrapper, 'o')) {
    const inner = wrapper.o as Record<string, unknown>;
    const out = {};
    for (const k of Object.keys(inner)) define(out, k, revive(inner[k]));
    return out;
  }
  const tag = wrapper.t;
  if (typeof tag !== 'string') throw new CodecError('malformed value');
  if (Object.prototype.hasOwnProperty.call(SPECIALS, tag)) return SPECIALS[tag];
  if (tag === 'bigint' && typeof wrapper.v === 'string' && /^-?\d+$/.test(wrapper.v)) return BigInt(wrapper.v);
  if (tag === 'function') return new OpaqueValue('function');
  if (tag === 'symbol') return new OpaqueValue('symbol');
  throw new CodecError(`unknown tag ${JSON.stringify(tag)}`);
}

/** What a function or symbol returned from the sandbox decodes to: it equals nothing the reference returns. */
export class OpaqueValue {
  constructor(readonly kind: 'function' | 'symbol') {}
}

/** Decodes an encoding made by `encodeValue` or the sandbox harness into fresh, plain host values. */
export function decodeValue(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CodecError('malformed value');
  }
  // Without a '{' there is no object and no special value: the parsed JSON is the value.
  return text.includes('{') ? revive(parsed) : parsed;
}

/**
 * A JSON-safe copy of a value for showing in a result: values JSON cannot hold become strings
 * such as "NaN", "-0", "undefined", "123n" or "[function]".
 */
export function toDisplay(value: unknown): unknown {
  switch (typeof value) {
    case 'number':
      if (Number.isNaN(value) || !Number.isFinite(value)) return String(value);
      return Object.is(value, -0) ? '-0' : value;
    case 'undefined':
      return 'undefined';
    case 'bigint':
      return `${value}n`;
    case 'function':
    case 'symbol':
      return `[${typeof value}]`;
    default:
      break;
  }
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof OpaqueValue) return `[${value.kind}]`;
  if (Array.isArray(value)) return value.map(toDisplay);
  const out = {};
  for (const k of Object.keys(value)) define(out, k, toDisplay((value as Record<string, unknown>)[k]));
  return out;
}
