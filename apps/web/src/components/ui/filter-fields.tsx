import { Search } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';

/** A labelled native select for GET filter forms ("All" = no filter); works without JavaScript. */
export function SelectField({
  id,
  name,
  label,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  options: readonly (readonly [string, string])[];
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} name={name} className="select" defaultValue={value ?? ''}>
        <option value="">All</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Trims a search parameter; empty means "not given". */
export function pickParam(value: string | undefined): string | undefined {
  return value && value.trim() ? value.trim() : undefined;
}

/** The free-text search of a GET filter form. */
export function SearchField({ id, value, placeholder }: { id: string; value?: string; placeholder: string }) {
  return (
    <div className="field field--grow">
      <label className="field__label" htmlFor={id}>
        Search
      </label>
      <div className="search-input">
        <Search size={16} aria-hidden="true" />
        <input id={id} name="q" type="search" className="field__input" defaultValue={value ?? ''} placeholder={placeholder} />
      </div>
    </div>
  );
}

/** True when any filter of a list page is set. */
export function hasFilter(filters: Record<string, string | undefined>): boolean {
  return Object.values(filters).some(Boolean);
}

/** A GET filter form: its fields, Apply, and Clear (back to `clearHref`) while a filter is set. */
export function FilterForm({
  label,
  clearHref,
  filtered,
  children,
}: {
  label: string;
  clearHref: string;
  filtered: boolean;
  children: ReactNode;
}) {
  return (
    <form className="filters" role="search" aria-label={label} method="get">
      {children}
      <button type="submit" className="button">
        Apply
      </button>
      {filtered ? (
        <Link href={clearHref} className="button button--ghost">
          Clear
        </Link>
      ) : null}
    </form>
  );
}
