// Saving a form: validate, save, say how it went. On any failure the form stays as the person
// left it, with the problem on the field it concerns or in a message.
import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { FieldProblemsError } from '../lib/form';
import { useComponentsText } from './useComponentsText';

export interface FormSubmit {
  submit: () => Promise<void>;
  saving: boolean;
}

/** `save` gets the validated values; it may throw `FieldProblemsError` for problems found on save. */
export function useFormSubmit<V>(form: FormInstance<V>, save: (values: V) => Promise<void>, onSaved?: () => void): FormSubmit {
  const { message } = App.useApp();
  const t = useComponentsText();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      void message.error(t('fixProblems'));
      return; // antd already shows each problem under its field
    }
    setSaving(true);
    try {
      await save(values);
      void message.success(t('saved'));
      onSaved?.();
    } catch (error) {
      if (error instanceof FieldProblemsError) {
        // The problems name document fields, which are the forms' field names too.
        form.setFields(error.fields.map(({ name, errors }) => ({ name: name as never, errors })));
        void message.error(t('fixProblems'));
      } else {
        void message.error(t('saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
      }
    } finally {
      setSaving(false);
    }
  };

  return { submit, saving };
}
