// Deleting asks first, and refuses with the reason when something still depends on the document
// (a community with compounds, a compound with buildings): a dangling reference would make the
// server refuse later edits of the dependants.
import { App, Button } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useComponentsText } from './useComponentsText';

// A spread, because a hyphenated attribute is not among ButtonProps' declared keys.
const okTestId = { 'data-testid': 'confirm-delete-ok' };

export interface ConfirmDeleteProps {
  /** e.g. 删除小区“幸福花园”？ */
  title: string;
  content?: string;
  /** Why it cannot be deleted now; when set, the person is told instead of asked. */
  blockedReason?: string | undefined;
  onConfirm: () => Promise<void>;
  /** Runs after a successful delete, e.g. to leave a page that showed the document. */
  onDeleted?: () => void;
  testId?: string;
  /** A full button (detail pages) rather than a link in a table row. */
  asButton?: boolean;
}

export function ConfirmDelete({ title, content, blockedReason, onConfirm, onDeleted, testId, asButton }: ConfirmDeleteProps) {
  const { modal, message } = App.useApp();
  const t = useComponentsText();

  const ask = () => {
    if (blockedReason !== undefined) {
      modal.warning({ title: t('deleteBlockedTitle'), content: blockedReason });
      return;
    }
    modal.confirm({
      title,
      content,
      okText: t('delete'),
      okButtonProps: { danger: true, ...okTestId },
      onOk: async () => {
        try {
          await onConfirm();
          void message.success(t('deleted'));
          onDeleted?.();
        } catch (error) {
          void message.error(t('deleteFailed', { reason: error instanceof Error ? error.message : String(error) }));
        }
      },
    });
  };

  return (
    <Button type={asButton ? 'default' : 'link'} size={asButton ? 'middle' : 'small'} danger icon={<DeleteOutlined />} onClick={ask} data-testid={testId}>
      {t('delete')}
    </Button>
  );
}
