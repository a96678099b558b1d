import { Field } from '../../ui/field';

/** A labelled number input of the problem editor; `onChange` gets the number (NaN while the input is empty). */
export function NumberField({
  id,
  label,
  value,
  step,
  readOnly,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  step?: 'any';
  readOnly: boolean;
  onChange: (value: number) => void;
}) {
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        type="number"
        step={step}
        className="field__input"
        value={value}
        readOnly={readOnly}
        onChange={(e) => onChange(e.target.valueAsNumber)}
      />
    </Field>
  );
}

/** A labelled one-line text input of the problem editor (`mono` for code: names, signatures). */
export function TextField({
  id,
  label,
  hint,
  mono = false,
  value,
  readOnly,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  mono?: boolean;
  value: string;
  readOnly: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint}>
      <input
        id={id}
        className={`field__input${mono ? ' field__input--mono' : ''}`}
        value={value}
        readOnly={readOnly}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
