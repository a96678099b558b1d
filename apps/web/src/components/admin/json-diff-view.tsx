import { diffJson, diffText, type TFieldChange } from '../../lib/admin/json-diff';

/**
 * Before and after of an entity as a readable list of changed fields: one row per field, old value struck through
 * and new value beside it, and a line diff for long text (statements, solutions, card backs).
 */
export function JsonDiffView({ before, after, emptyText = 'No field changed.' }: { before: unknown; after: unknown; emptyText?: string }) {
  const changes = diffJson(before, after);
  if (changes.length === 0) return <p className="muted small">{emptyText}</p>;
  return (
    <dl className="field-diff">
      {changes.map((change) => (
        <div key={change.path} className={`field-diff__row field-diff__row--${change.kind}`}>
          <dt>
            <code>{change.path}</code>
            <span className="field-diff__kind">{change.kind}</span>
          </dt>
          <dd>{change.multiline ? <LineDiff change={change} /> : <InlineChange change={change} />}</dd>
        </div>
      ))}
    </dl>
  );
}

function InlineChange({ change }: { change: TFieldChange }) {
  return (
    <span className="field-diff__values">
      {change.before !== null ? <del className="diff-del">{change.before}</del> : null}
      {change.before !== null && change.after !== null ? <span aria-hidden="true"> → </span> : null}
      {change.after !== null ? <ins className="diff-ins">{change.after}</ins> : null}
    </span>
  );
}

function LineDiff({ change }: { change: TFieldChange }) {
  return (
    <pre className="line-diff">
      {diffText(change.before ?? '', change.after ?? '').map((part, index) =>
        part.kind === 'added' ? (
          <ins key={index} className="diff-ins">
            {part.text}
          </ins>
        ) : part.kind === 'removed' ? (
          <del key={index} className="diff-del">
            {part.text}
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </pre>
  );
}
