// Asks a street admin why a list is being exported with ID numbers and mobiles in full. The
// dialog stays open, with what was typed, until the disclosure is recorded and the file is made.
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { DISCLOSURE_REASON_MAX, DISCLOSURE_REASON_MIN } from '@domain/contract';
import { useComponentsText } from '../useComponentsText';

interface DisclosureModalProps {
  listName: string;
  rowCount: number;
  /** Records and exports; a thrown error's message is shown in the dialog. */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

interface ReasonValues {
  reason: string;
}

export function DisclosureModal({ listName, rowCount, onConfirm, onClose }: DisclosureModalProps) {
  const t = useComponentsText();
  const [form] = Form.useForm<ReasonValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const limits = { min: DISCLOSURE_REASON_MIN, max: DISCLOSURE_REASON_MAX };

  const confirm = async () => {
    let values: ReasonValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the problem shows under the field
    }
    setBusy(true);
    setProblem(null);
    try {
      await onConfirm(values.reason.trim());
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('export.fullTitle')}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      width={560}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('cancel')}
        </Button>,
        <Button key="confirm" type="primary" danger loading={busy} onClick={() => void confirm()} data-testid="export-full-confirm">
          {t('export.confirm')}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon title={t('export.fullWarning', { list: listName, count: rowCount })} style={{ marginBottom: 16 }} />
      {problem !== null && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="export-full-problem" />}
      <Form form={form} layout="vertical" data-testid="export-full-form">
        <Form.Item
          name="reason"
          label={t('export.reason')}
          rules={[
            {
              validator: (_, value: unknown) => {
                const length = typeof value === 'string' ? [...value.trim()].length : 0;
                return length >= limits.min && length <= limits.max ? Promise.resolve() : Promise.reject(new Error(t('export.reasonRequired', limits)));
              },
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={limits.max} showCount placeholder={t('export.reasonPlaceholder')} data-testid="export-full-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
