// The street's functional group types: add, rename, reorder and remove. A type that a group still
// uses cannot be removed, and the person is told which groups hold it.
import { App, Button, Card, Flex, Form, Input, Table, Typography, type TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Street } from '@domain/collections';
import { groupTypeUsage } from '@domain/orgTree';
import { useDocs } from '../../db/hooks';
import { newId, saveDoc } from '../../db/write';
import { FormModal } from '../../components/FormModal';
import { RowActions } from '../../components/RowActions';
import { FieldProblemsError } from '../../lib/form';
import { addGroupType, moveGroupType, removeGroupType, removeGroupTypeProblem, renameGroupType, type GroupType } from './groupTypes';

export function GroupTypesSection({ street, mayEdit }: { street: Street; mayEdit: boolean }) {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const orgs = useDocs('orgs');
  const [newName, setNewName] = useState('');
  const [addProblem, setAddProblem] = useState<string | undefined>();
  const [renaming, setRenaming] = useState<GroupType | null>(null);
  const types = useMemo(() => street.groupTypes ?? [], [street.groupTypes]);

  const write = async (next: GroupType[]) => {
    await saveDoc('streets', { ...street, groupTypes: next }, street);
  };

  const add = async () => {
    const result = addGroupType(types, newName, newId());
    if (result.problem !== undefined) {
      setAddProblem(result.problem);
      return;
    }
    try {
      await write(result.types);
      setNewName('');
      setAddProblem(undefined);
      void message.success(t('groupTypes.added'));
    } catch (error) {
      void message.error(t('saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  const reorder = async (id: string, offset: -1 | 1) => {
    try {
      await write(moveGroupType(types, id, offset));
    } catch (error) {
      void message.error(t('saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  const columns: TableColumnsType<GroupType> = [
    { title: t('groupTypes.name'), dataIndex: 'name' },
    {
      title: t('groupTypes.usage'),
      key: 'usage',
      width: 140,
      align: 'right',
      render: (_, type) => (orgs.loading ? '…' : groupTypeUsage(orgs.docs, type.id)),
    },
  ];
  if (mayEdit) {
    columns.push({
      title: t('groupTypes.actions'),
      key: 'actions',
      width: 260,
      render: (_, type, index) => (
        <Flex align="center">
          <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => void reorder(type.id, -1)} aria-label={t('groupTypes.up')} />
          <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === types.length - 1} onClick={() => void reorder(type.id, 1)} aria-label={t('groupTypes.down')} />
          <RowActions
            editLabel={t('groupTypes.rename')}
            onEdit={() => setRenaming(type)}
            editTestId={`group-type-rename-${type.id}`}
            remove={{
              title: t('groupTypes.removeTitle', { name: type.name }),
              content: t('groupTypes.removeContent'),
              blockedReason: orgs.loading ? t('groupTypes.stillLoading') : removeGroupTypeProblem(orgs.docs, type),
              onConfirm: async () => {
                const result = removeGroupType(orgs.docs, street.groupTypes ?? [], type.id);
                if (result.problem !== undefined) throw new Error(result.problem);
                await write(result.types);
              },
              testId: `group-type-remove-${type.id}`,
            }}
          />
        </Flex>
      ),
    });
  }

  return (
    <Card title={t('groupTypes.title')} data-testid="settings-group-types">
      <Typography.Paragraph type="secondary">{t('groupTypes.help')}</Typography.Paragraph>
      {mayEdit && (
        <Form layout="inline" style={{ marginBottom: 16 }} onFinish={() => void add()}>
          <Form.Item validateStatus={addProblem !== undefined ? 'error' : undefined} help={addProblem}>
            <Input
              value={newName}
              maxLength={50}
              placeholder={t('groupTypes.newPlaceholder')}
              onChange={(event) => {
                setNewName(event.target.value);
                setAddProblem(undefined);
              }}
              style={{ width: 280 }}
              data-testid="group-type-new-name"
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} data-testid="group-type-add">
              {t('groupTypes.add')}
            </Button>
          </Form.Item>
        </Form>
      )}
      <Table<GroupType>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={types}
        pagination={false}
        locale={{ emptyText: t('groupTypes.empty') }}
      />
      {renaming && (
        <RenameModal
          type={renaming}
          onClose={() => setRenaming(null)}
          save={async (name) => {
            const result = renameGroupType(street.groupTypes ?? [], renaming.id, name);
            if (result.problem !== undefined) throw new FieldProblemsError([{ name: 'name', errors: [result.problem] }]);
            await write(result.types);
          }}
        />
      )}
    </Card>
  );
}

function RenameModal({ type, onClose, save }: { type: GroupType; onClose: () => void; save: (name: string) => Promise<void> }) {
  const { t } = useTranslation('settings');
  const [form] = Form.useForm<{ name: string }>();
  return (
    <FormModal
      open
      title={t('groupTypes.renameTitle', { name: type.name })}
      form={form}
      initialValues={{ name: type.name }}
      onClose={onClose}
      save={(values) => save(values.name)}
      testId="group-type-rename-form"
      saveTestId="group-type-rename-save"
    >
      <Form.Item name="name" label={t('groupTypes.name')} rules={[{ required: true, whitespace: true, message: t('groupTypes.nameRequired') }]}>
        <Input maxLength={50} data-testid="group-type-rename-name" />
      </Form.Item>
    </FormModal>
  );
}
