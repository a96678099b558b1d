import { diffValues, formatValue, type TDiffPart } from '../../lib/diff';

function Parts({ parts, kind }: { parts: TDiffPart[]; kind: 'del' | 'ins' }) {
  return (
    <>
      {parts.map((part, index) =>
        part.changed ? (
          <mark key={index} className={kind === 'del' ? 'diff-del' : 'diff-ins'}>
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** One test's expected and actual output side by side, the difference highlighted on both sides, then its input. */
export function TestComparison({
  params,
  input,
  expected,
  actual,
  showActual = true,
}: {
  params: readonly { name: string }[];
  input?: readonly unknown[];
  expected?: unknown;
  actual?: unknown;
  showActual?: boolean;
}) {
  const diff = showActual ? diffValues(expected, actual) : null;
  return (
    <div className="diff-grid" data-testid="test-comparison">
      <div className="value-box">
        <span className="value-box__label">Expected</span>
        <pre data-testid="expected">{diff ? <Parts parts={diff.expected} kind="del" /> : formatValue(expected)}</pre>
      </div>
      {diff ? (
        <div className="value-box">
          <span className="value-box__label">Your output</span>
          <pre data-testid="actual">
            <Parts parts={diff.actual} kind="ins" />
          </pre>
        </div>
      ) : null}
      {input ? (
        <div className="value-box value-box--wide">
          <span className="value-box__label">Input</span>
          <pre>
            {input.map((value, index) => (
              <span key={index} className="value-line">
                <span className="value-line__name">{params[index]?.name ?? `arg${index}`} =</span> {formatValue(value)}
                {'\n'}
              </span>
            ))}
          </pre>
        </div>
      ) : null}
    </div>
  );
}
