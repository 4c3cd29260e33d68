// A form in a dialog: Save keeps the dialog open until the document is written, so a failed save
// loses nothing the person typed.
import { Button, Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useComponentsText } from './useComponentsText';
import { useFormSubmit } from './useFormSubmit';

interface FormModalProps<V> {
  open: boolean;
  title: string;
  form: FormInstance<V>;
  initialValues: Partial<V>;
  onClose: () => void;
  save: (values: V) => Promise<void>;
  /** data-testid of the form and of its save button. */
  testId: string;
  saveTestId: string;
  children: ReactNode;
}

export function FormModal<V>({ open, title, form, initialValues, onClose, save, testId, saveTestId, children }: FormModalProps<V>) {
  const t = useComponentsText();
  const { submit, saving } = useFormSubmit(form, save, onClose);
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      width={560}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('cancel')}
        </Button>,
        <Button key="save" type="primary" loading={saving} onClick={() => void submit()} data-testid={saveTestId}>
          {t('save')}
        </Button>,
      ]}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        validateTrigger="onChange"
        data-testid={testId}
        preserve={false}
      >
        {children}
      </Form>
    </Modal>
  );
}
