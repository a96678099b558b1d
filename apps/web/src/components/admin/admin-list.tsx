import type { ReactNode } from 'react';
import { SelectField } from '../ui/filter-fields';

/** The source and status filters of authored content (decks, problems). */
export function SourceStatusFields({ idPrefix, source, status }: { idPrefix: string; source?: string; status?: string }) {
  return (
    <>
      <SelectField
        id={`${idPrefix}-source`}
        name="source"
        label="Source"
        value={source}
        options={[
          ['authored', 'Authored'],
          ['builtin', 'Built-in'],
        ]}
      />
      <SelectField
        id={`${idPrefix}-status`}
        name="status"
        label="Status"
        value={status}
        options={[
          ['draft', 'Draft'],
          ['published', 'Published'],
          ['archived', 'Archived'],
        ]}
      />
    </>
  );
}

export type TAdminColumn = { label: string; className?: string };

/**
 * An admin table in a flush card: the empty state instead of the table when there are no items, then the
 * footer (a count or a pager). Every table ends with an unlabelled actions column.
 */
export function AdminTable<T>({
  testId,
  columns,
  items,
  row,
  empty,
  footer,
}: {
  testId: string;
  columns: readonly TAdminColumn[];
  items: readonly T[];
  row: (item: T) => ReactNode;
  empty: ReactNode;
  footer: ReactNode;
}) {
  return (
    <div className="card card--flush">
      {items.length === 0 ? (
        empty
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid={testId}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.label} scope="col" className={column.className}>
                    {column.label}
                  </th>
                ))}
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>{items.map(row)}</tbody>
          </table>
        </div>
      )}
      {footer}
    </div>
  );
}

/** The footer of an unpaged admin list: how many there are. */
export function AdminCount({ children }: { children: ReactNode }) {
  return (
    <div className="pager">
      <span>{children}</span>
    </div>
  );
}
