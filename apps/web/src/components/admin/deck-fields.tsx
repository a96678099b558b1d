import type { TFormErrors } from '../../lib/form-errors';
import { Field } from '../ui/field';

/** The description and tags of a deck, as the create dialog and the details form both ask for them. */
export function DeckDescriptionTagsFields({
  idPrefix,
  description,
  tags,
  errors,
  onDescriptionChange,
  onTagsChange,
}: {
  idPrefix: string;
  description: string;
  tags: string;
  errors: TFormErrors;
  onDescriptionChange: (description: string) => void;
  onTagsChange: (tags: string) => void;
}) {
  return (
    <>
      <Field id={`${idPrefix}-description`} label="Description" error={errors.fields.description}>
        <textarea
          id={`${idPrefix}-description`}
          className="field__input field__input--prose"
          rows={3}
          value={description}
          onChange={(e) => onDescriptionChange(e.target.value)}
        />
      </Field>
      <Field id={`${idPrefix}-tags`} label="Tags" hint="Separated by commas or spaces." error={errors.fields.tags}>
        <input id={`${idPrefix}-tags`} className="field__input" value={tags} onChange={(e) => onTagsChange(e.target.value)} />
      </Field>
    </>
  );
}
