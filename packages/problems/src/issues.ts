export interface ContentIssue {
  /** Path relative to the content root. */
  file: string;
  line: number;
  message: string;
}

export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}

export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(`content has ${issues.length} problem(s):\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'ContentError';
  }
}
