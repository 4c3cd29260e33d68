// A table row's edit link and its delete link, which asks first (or says why it cannot).
import { EditOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { ConfirmDelete, type ConfirmDeleteProps } from './ConfirmDelete';

interface RowActionsProps {
  editLabel: string;
  onEdit: () => void;
  editTestId?: string;
  remove: Omit<ConfirmDeleteProps, 'asButton'>;
}

export function RowActions({ editLabel, onEdit, editTestId, remove }: RowActionsProps) {
  return (
    <Space size={0}>
      <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit} data-testid={editTestId}>
        {editLabel}
      </Button>
      <ConfirmDelete {...remove} />
    </Space>
  );
}
