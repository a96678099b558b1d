import katex from 'katex';

export interface MarkdownIssue {
  /** 0-based line offset inside the checked text. */
  lineOffset: number;
  message: string;
}

/** Masks fenced code blocks and inline code with spaces, keeping offsets and newlines. */
function maskCode(text: string): string {
  let out = '';
  let inFence: string | null = null;
  for (const line of text.split('\n')) {
    const fence = /^\s*(```|~~~)/.exec(line);
    if (inFence) {
      if (fence && line.trim().startsWith(inFence)) inFence = null;
      out += ' '.repeat(line.length) + '\n';
      continue;
    }
    if (fence) {
      inFence = fence[1]!;
      out += ' '.repeat(line.length) + '\n';
      continue;
    }
    out += line.replace(/`+[^`]*`+/g, (m) => ' '.repeat(m.length)) + '\n';
  }
  return out.slice(0, -1);
}

/** Finds $...$ and $$...$$ spans (outside code) that KaTeX cannot render, and unclosed delimiters. */
export function checkMath(text: string): MarkdownIssue[] {
  const masked = maskCode(text);
  const issues: MarkdownIssue[] = [];
  const lineOf = (index: number) => masked.slice(0, index).split('\n').length - 1;
  let i = 0;
  while (i < masked.length) {
    if (masked[i] === '\\' && masked[i + 1] === '$') {
      i += 2;
      continue;
    }
    if (masked[i] !== '$') {
      i++;
      continue;
    }
    const display = masked[i + 1] === '$';
    const open = display ? '$$' : '$';
    const start = i + open.length;
    let end = -1;
    for (let j = start; j < masked.length; j++) {
      if (masked[j] === '\\') {
        j++;
        continue;
      }
      if (masked.startsWith(open, j) && (display || masked[j + 1] !== '$')) {
        end = j;
        break;
      }
      if (!display && masked[j] === '\n' && masked[j + 1] === '\n') break;
    }
    if (end < 0) {
      issues.push({ lineOffset: lineOf(i), message: `unclosed math delimiter ${open}` });
      break;
    }
    const tex = text.slice(start, end);
    try {
      katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: 'ignore' });
    } catch (e) {
      issues.push({
        lineOffset: lineOf(i),
        message: `broken math ${open}${tex.length > 40 ? tex.slice(0, 40) + '…' : tex}${open}: ${(e as Error).message.replace(/^KaTeX parse error: /, '')}`,
      });
    }
    i = end + open.length;
  }
  return issues;
}
