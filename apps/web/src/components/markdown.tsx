import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';

/**
 * The one Markdown renderer: cards, statements, hints, editorials (and later admin previews).
 * Order matters: the learner- or admin-written HTML is sanitised first (no script, no event handler, no
 * javascript: URL; raw HTML is not even parsed), and only then do KaTeX and the highlighter, which are trusted,
 * add their own markup. Math is `$…$` / `$$…$$`; code fences name their language.
 */
const remarkPlugins = [remarkGfm, remarkMath];
const rehypePlugins = [
  [rehypeSanitize, defaultSchema],
  [rehypeKatex, { throwOnError: false, strict: 'ignore', output: 'htmlAndMathml' }],
  [rehypeHighlight, { detect: false, plainText: ['text', 'txt', 'plain'] }],
] as const;

const components: Components = {
  // Links written in content open in a new tab and never pass our URL on.
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  ),
  // Images from elsewhere are blocked by the CSP; say what they were instead of showing a broken box.
  img: ({ src, alt }) =>
    typeof src === 'string' && (src.startsWith('/') || src.startsWith('data:image/')) ? (
      <img src={src} alt={alt ?? ''} loading="lazy" />
    ) : (
      <span className="muted">[image: {alt || 'not shown'}]</span>
    ),
};

export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={`prose ${className ?? ''}`}>
      <ReactMarkdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins as never} components={components} skipHtml={false}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
