import { LineCounter, parseDocument } from 'yaml';

export interface Located<T> {
  value: T;
  /** 1-based line in the file of each top-level key, for error messages. */
  keyLines: Record<string, number>;
}

export interface ParsedFrontmatter {
  data: unknown;
  keyLines: Record<string, number>;
  /** Markdown after the closing `---`. */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  errors: { line: number; message: string }[];
}

/** Splits `---\nyaml\n---\nbody` and parses the YAML, keeping line numbers for diagnostics. */
export function parseFrontmatter(text: string): ParsedFrontmatter {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) {
    return {
      data: undefined,
      keyLines: {},
      body: text,
      bodyLine: 1,
      errors: [{ line: 1, message: 'missing frontmatter: the file must start with a --- YAML block ---' }],
    };
  }
  const yamlText = match[1] ?? '';
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  // The YAML starts on line 2 of the file.
  const errors = doc.errors.map((e) => ({
    line: lineCounter.linePos(e.pos[0]).line + 1,
    message: `frontmatter: ${e.message.split('\n')[0]}`,
  }));
  const keyLines: Record<string, number> = {};
  const contents = doc.contents;
  if (contents && 'items' in contents) {
    for (const item of contents.items as { key?: { value?: unknown; range?: [number, number, number] } }[]) {
      const key = item.key;
      if (key && typeof key.value === 'string' && key.range) keyLines[key.value] = lineCounter.linePos(key.range[0]).line + 1;
    }
  }
  const bodyLine = match[0].split('\n').length;
  return { data: errors.length ? undefined : doc.toJS(), keyLines, body: text.slice(match[0].length), bodyLine, errors };
}
