import type { ReactNode } from 'react';

/** The title row of an admin page: what it is, one line on what it is for, and its main actions. */
export function AdminPageHead({ title, lead, actions }: { title: string; lead?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-head admin-head">
      <div>
        <h1>{title}</h1>
        {lead ? <p className="muted">{lead}</p> : null}
      </div>
      {actions ? <div className="row admin-head__actions">{actions}</div> : null}
    </header>
  );
}
