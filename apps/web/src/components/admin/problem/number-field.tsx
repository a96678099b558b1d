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
