// A table row's edit link and its delete link, which asks first (or says why it cannot).
import { EditOutlined } from '@ant-design/icons';
import { Button, Space, type TableColumnType } from 'antd';
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

/** What a list page says about its rows' actions; the column and test ids follow from it. */
export interface RowActionsColumnSpec<T> {
  title: string;
  editLabel: string;
  /** Test ids are `<prefix>-edit-<id>` and `<prefix>-delete-<id>`. */
  testIdPrefix: string;
  mayEdit: (row: T) => boolean;
  onEdit: (row: T) => void;
  remove: (row: T) => Omit<ConfirmDeleteProps, 'asButton' | 'testId'>;
}

/** A list's 操作 column (key `actions`, which exports leave out): edit and delete where the person may. */
export function rowActionsColumn<T extends { id: string }>(spec: RowActionsColumnSpec<T>): TableColumnType<T> {
  return {
    title: spec.title,
    key: 'actions',
    width: 170,
    render: (_, row) =>
      spec.mayEdit(row) && (
        <RowActions
          editLabel={spec.editLabel}
          onEdit={() => spec.onEdit(row)}
          editTestId={`${spec.testIdPrefix}-edit-${row.id}`}
          remove={{ ...spec.remove(row), testId: `${spec.testIdPrefix}-delete-${row.id}` }}
        />
      ),
  };
}
