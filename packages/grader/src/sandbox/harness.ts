/**
 * The code that runs inside each sandbox context BEFORE the learner's code. It captures every intrinsic it
 * uses, so that nothing the learner later changes (prototypes, globals, JSON, Error.prepareStackTrace)
 * can bend what it reports. It removes what learner code must not have (WebAssembly, SharedArrayBuffer,
 * Atomics), installs a size-capped console, and evaluates to one strict-mode function, held only by the
 * sandbox's host side:
 *
 *   harness('bind', fn, stdoutLimit)   remember the learner's function
 *   harness('test', argsText, outArg)  call it on freshly decoded args; outArg -1 judges the return value,
 *                                      otherwise the argument at that index after the call
 *
 * A test returns one string: kind ('V' value, 'E' error), the stdout length, '|', stdout, then the payload
 * (the encoded value, see ../codec.ts, or the error text). Only strings ever leave the sandbox.
 */
export const HARNESS_SOURCE = String.raw`'use strict';
(() => {
  const G = globalThis;
  const FnCall = Function.prototype.call;
  const FnBind = Function.prototype.bind;
  const uncurry = (f) => FnBind.call(FnCall, f);
  const ArrayIsArray = Array.isArray;
  const ObjectKeys = Object.keys;
  const ReflectApply = Reflect.apply;
  const ErrorCtor = Error;
  const BigIntCtor = BigInt;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectSetPrototypeOf = Object.setPrototypeOf;
  const ArrayCtor = Array;
  const JSONStringify = JSON.stringify;
  const JSONParse = JSON.parse;
  const StringCtor = String;
  const SetCtor = Set;
  const SetHas = uncurry(Set.prototype.has);
  const SetAdd = uncurry(Set.prototype.add);
  const SetDelete = uncurry(Set.prototype.delete);
  const ArraySort = uncurry(Array.prototype.sort);
  const StrSlice = uncurry(String.prototype.slice);
  const StrIndexOf = uncurry(String.prototype.indexOf);
  const StrSplit = uncurry(String.prototype.split);
  const MAX_DEPTH = 1000;
  const MAX_OUTPUT = 64 * 1024 * 1024;

  for (const name of ['WebAssembly', 'SharedArrayBuffer', 'Atomics']) delete G[name];

  // ---- decoding the inputs (fresh objects per test; defineProperty never runs inherited setters)
  const SPECIAL = { __proto__: null, NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0, undefined: undefined };
  const put = (target, key, value) => {
    ObjectDefineProperty(target, key, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
  };
  const revive = (node) => {
    if (node === null || typeof node !== 'object') return node;
    if (ArrayIsArray(node)) {
      for (let i = 0; i < node.length; i++) put(node, i, revive(node[i]));
      return node;
    }
    if (ObjectKeys(node)[0] === 'o') {
      const inner = node.o;
      const keys = ObjectKeys(inner);
      for (let i = 0; i < keys.length; i++) put(inner, keys[i], revive(inner[keys[i]]));
      return inner;
    }
    if (node.t === 'bigint') return BigIntCtor(node.v);
    return SPECIAL[node.t];
  };
  const decode = (text) => {
    const parsed = JSONParse(text);
    return StrIndexOf(text, '{') === -1 ? parsed : revive(parsed);
  };

  // ---- encoding the output (same format as the host's encodeValue)
  class OutputError extends ErrorCtor {}
  // Fast path: an array of JSON-plain primitives is encoded by JSON.stringify, which writes them exactly as
  // enc() would. It stringifies a null-prototype copy, so no toJSON or inherited setter is ever consulted.
  const flatCopy = (v, n) => {
    if (n > MAX_OUTPUT) return undefined;
    const copy = new ArrayCtor(n);
    ObjectSetPrototypeOf(copy, null);
    for (let i = 0; i < n; i++) {
      const x = v[i];
      const t = typeof x;
      if (t === 'number') {
        if (x !== x || x === 1 / 0 || x === -1 / 0 || (x === 0 && 1 / x < 0)) return undefined;
      } else if (t !== 'string' && t !== 'boolean' && x !== null) return undefined;
      copy[i] = x;
    }
    return copy;
  };
  const encode = (value) => {
    const ancestors = new SetCtor();
    let size = 0;
    const enc = (v, depth) => {
      let out;
      switch (typeof v) {
        case 'number':
          if (v !== v) return '{"t":"NaN"}';
          if (v === 1 / 0) return '{"t":"Infinity"}';
          if (v === -1 / 0) return '{"t":"-Infinity"}';
          if (v === 0 && 1 / v < 0) return '{"t":"-0"}';
          out = '' + v;
          break;
        case 'string': out = JSONStringify(v); break;
        case 'boolean': return v ? 'true' : 'false';
        case 'undefined': return '{"t":"undefined"}';
        case 'bigint': out = '{"t":"bigint","v":"' + v + '"}'; break;
        case 'symbol': return '{"t":"symbol"}';
        case 'function': return '{"t":"function"}';
        default: break;
      }
      if (out !== undefined) {
        size += out.length;
        if (size > MAX_OUTPUT) throw new OutputError('the output is too large');
        return out;
      }
      if (v === null) return 'null';
      if (depth > MAX_DEPTH) throw new OutputError('the output is nested too deeply');
      if (SetHas(ancestors, v)) throw new OutputError('the output contains a cycle');
      SetAdd(ancestors, v);
      if (ArrayIsArray(v)) {
        const n = v.length;
        const flat = flatCopy(v, n);
        if (flat !== undefined) {
          out = JSONStringify(flat);
          size += out.length;
          if (size > MAX_OUTPUT) throw new OutputError('the output is too large');
          SetDelete(ancestors, v);
          return out;
        }
        out = '[';
        for (let i = 0; i < n; i++) {
          out += (i ? ',' : '') + enc(v[i], depth + 1);
          size += 1;
          if (size > MAX_OUTPUT) throw new OutputError('the output is too large');
        }
        out += ']';
      } else {
        const keys = ObjectKeys(v);
        ArraySort(keys);
        out = '{"o":{';
        for (let i = 0; i < keys.length; i++) {
          const k = '' + keys[i];
          out += (i ? ',' : '') + JSONStringify(k) + ':' + enc(v[k], depth + 1);
        }
        out += '}}';
      }
      SetDelete(ancestors, v);
      return out;
    };
    return enc(value, 0);
  };

  // ---- console: capped, formatted without trusting the values' own methods more than needed
  let stdout = '';
  let stdoutTotal = 0;
  let stdoutLimit = 16 * 1024;
  let truncated = false;
  const show = (v, depth) => {
    switch (typeof v) {
      case 'string': return depth === 0 ? v : JSONStringify(v);
      case 'number': return v === 0 && 1 / v < 0 ? '-0' : '' + v;
      case 'bigint': return v + 'n';
      case 'boolean': case 'undefined': return '' + v;
      case 'symbol': return 'Symbol()';
      case 'function': return '[Function]';
      default: break;
    }
    if (v === null) return 'null';
    if (depth > 2) return ArrayIsArray(v) ? '[Array]' : '[Object]';
    if (v instanceof ErrorCtor) return '' + v.stack;
    let out;
    if (ArrayIsArray(v)) {
      const n = v.length;
      out = '[';
      for (let i = 0; i < n && i < 100; i++) out += (i ? ', ' : '') + show(v[i], depth + 1);
      if (n > 100) out += ', ... ' + (n - 100) + ' more';
      return out + ']';
    }
    const keys = ObjectKeys(v);
    out = '{';
    for (let i = 0; i < keys.length && i < 100; i++) out += (i ? ', ' : ' ') + keys[i] + ': ' + show(v[keys[i]], depth + 1);
    return out + (keys.length ? ' }' : '}');
  };
  const write = (items) => {
    if (truncated) return;
    let line = '';
    for (let i = 0; i < items.length; i++) {
      const piece = show(items[i], 0);
      line += (i ? ' ' : '') + (piece.length > stdoutLimit ? StrSlice(piece, 0, stdoutLimit + 1) : piece);
      if (line.length > stdoutLimit) break;
    }
    line += '\n';
    const room = stdoutLimit - stdoutTotal;
    if (line.length > room) {
      line = StrSlice(line, 0, room) + '\n[output truncated]\n';
      truncated = true;
    }
    stdout += line;
    stdoutTotal += line.length;
  };
  const console = { __proto__: null };
  for (const name of ['log', 'info', 'warn', 'error', 'debug']) put(console, name, function log(...items) { write(items); });
  ObjectDefineProperty(G, 'console', { __proto__: null, value: console, writable: true, enumerable: false, configurable: true });

  // ---- errors: message plus the stack frames inside the learner's file
  const describeError = (e) => {
    try {
      if (e === null || (typeof e !== 'object' && typeof e !== 'function')) return 'Uncaught ' + show(e, 1);
      const stack = e.stack;
      const head = '' + (e.name === undefined ? 'Error' : e.name) + ': ' + e.message;
      if (typeof stack !== 'string') return head;
      const lines = StrSplit(stack, '\n');
      let out = '';
      let inFrames = false;
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const frame = StrIndexOf(line, '    at ') === 0;
        if (frame) inFrames = true;
        if (!frame && inFrames) continue;
        if (frame && StrIndexOf(line, 'solution.ts') === -1) continue;
        out += (out ? '\n' : '') + line;
      }
      return StrSlice(out || head, 0, 4000);
    } catch (inner) {
      return 'Uncaught exception (it could not be printed)';
    }
  };

  let learnerFn;
  const takeStdout = () => {
    const text = stdout;
    stdout = '';
    return text;
  };
  return function harness(command, a, b) {
    if (command === 'bind') {
      learnerFn = a;
      stdoutLimit = b;
      return '';
    }
    let kind;
    let payload;
    if (typeof learnerFn !== 'function') {
      kind = 'E';
      payload = 'ReferenceError: the function to grade is not defined';
    } else {
      try {
        const args = decode(a);
        const result = ReflectApply(learnerFn, undefined, args);
        kind = 'V';
        payload = encode(b < 0 ? result : args[b]);
      } catch (e) {
        kind = 'E';
        payload = e instanceof OutputError ? 'Output error: ' + e.message : describeError(e);
      }
    }
    const out = takeStdout();
    return kind + out.length + '|' + out + payload;
  };
})()`;
