// The street's need categories with their deadlines: add, edit, remove. A category that needs
// still carry cannot be removed; renaming it or changing its deadline is always possible.
import { App, Button, Card, Form, Input, InputNumber, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Street } from '@domain/collections';
import { useDocs } from '../../db/hooks';
import { newId, saveDoc } from '../../db/write';
import { FormModal } from '../../components/FormModal';
import { RowActions } from '../../components/RowActions';
import { FieldProblemsError } from '../../lib/form';
import {
  addNeedCategory,
  editNeedCategory,
  MAX_DEADLINE_DAYS,
  needCategoryUsage,
  removeNeedCategory,
  type NeedCategory,
  type NeedCategoryProblem,
} from './needCategories';

interface Values {
  name: string;
  deadlineDays: number;
}

export function NeedCategoriesSection({ street, mayEdit }: { street: Street; mayEdit: boolean }) {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const needs = useDocs('needs');
  const [addForm] = Form.useForm<Values>();
  const [editing, setEditing] = useState<NeedCategory | null>(null);
  const categories = useMemo(() => street.needCategories ?? [], [street.needCategories]);
  const say = (problem: NeedCategoryProblem) => t(`needCategories.problems.${problem.code}`, { name: 'name' in problem ? problem.name : '' });

  const write = (next: NeedCategory[]) => saveDoc('streets', { ...street, needCategories: next }, street);

  const add = async (values: Values) => {
    const result = addNeedCategory(categories, values.name ?? '', values.deadlineDays, newId());
    if (result.problem) {
      addForm.setFields([{ name: result.problem.field === 'deadlineDays' ? 'deadlineDays' : 'name', errors: [say(result.problem)] }]);
      return;
    }
    try {
      await write(result.categories);
      addForm.resetFields();
      void message.success(t('needCategories.added'));
    } catch (error) {
      void message.error(t('saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  const columns: TableColumnsType<NeedCategory> = [
    { title: t('needCategories.name'), dataIndex: 'name' },
    { title: t('needCategories.deadlineDays'), dataIndex: 'deadlineDays', width: 140, align: 'right', render: (days: number) => t('needCategories.days', { count: days }) },
    {
      title: t('needCategories.usage'),
      key: 'usage',
      width: 100,
      align: 'right',
      render: (_, category) => (needs.loading ? '…' : needCategoryUsage(needs.docs, category.id)),
    },
  ];
  if (mayEdit) {
    columns.push({
      title: t('needCategories.actions'),
      key: 'actions',
      width: 180,
      render: (_, category) => {
        const used = needCategoryUsage(needs.docs, category.id);
        return (
          <RowActions
            editLabel={t('needCategories.edit')}
            onEdit={() => setEditing(category)}
            editTestId={`need-category-edit-${category.id}`}
            remove={{
              title: t('needCategories.removeTitle', { name: category.name }),
              content: t('needCategories.removeContent'),
              blockedReason: needs.loading ? t('needCategories.stillLoading') : used > 0 ? t('needCategories.inUse', { count: used, name: category.name }) : undefined,
              onConfirm: () => write(removeNeedCategory(street.needCategories ?? [], category.id)),
              testId: `need-category-remove-${category.id}`,
            }}
          />
        );
      },
    });
  }

  return (
    <Card title={t('needCategories.title')} data-testid="settings-need-categories">
      <Typography.Paragraph type="secondary">{t('needCategories.help')}</Typography.Paragraph>
      {mayEdit && (
        <Form form={addForm} layout="inline" style={{ marginBottom: 16 }} initialValues={{ deadlineDays: 15 }} onFinish={(values) => void add(values)}>
          <Form.Item name="name">
            <Input maxLength={50} placeholder={t('needCategories.newPlaceholder')} style={{ width: 240 }} data-testid="need-category-new-name" />
          </Form.Item>
          <Form.Item name="deadlineDays" label={t('needCategories.deadlineDays')}>
            <InputNumber min={1} max={MAX_DEADLINE_DAYS} precision={0} style={{ width: 100 }} data-testid="need-category-new-days" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} data-testid="need-category-add">
              {t('needCategories.add')}
            </Button>
          </Form.Item>
        </Form>
      )}
      <Table<NeedCategory> rowKey="id" size="small" columns={columns} dataSource={categories} pagination={false} locale={{ emptyText: t('needCategories.empty') }} />
      {editing && (
        <EditModal
          category={editing}
          onClose={() => setEditing(null)}
          save={async (values) => {
            const result = editNeedCategory(street.needCategories ?? [], editing.id, values.name, values.deadlineDays);
            if (result.problem) throw new FieldProblemsError([{ name: result.problem.field === 'deadlineDays' ? 'deadlineDays' : 'name', errors: [say(result.problem)] }]);
            await write(result.categories);
          }}
        />
      )}
    </Card>
  );
}

function EditModal({ category, onClose, save }: { category: NeedCategory; onClose: () => void; save: (values: Values) => Promise<void> }) {
  const { t } = useTranslation('settings');
  const [form] = Form.useForm<Values>();
  return (
    <FormModal
      open
      title={t('needCategories.editTitle', { name: category.name })}
      form={form}
      initialValues={{ name: category.name, deadlineDays: category.deadlineDays }}
      onClose={onClose}
      save={save}
      testId="need-category-form"
      saveTestId="need-category-save"
    >
      <Form.Item name="name" label={t('needCategories.name')} rules={[{ required: true, whitespace: true, message: t('needCategories.problems.nameRequired') }]}>
        <Input maxLength={50} data-testid="need-category-name" />
      </Form.Item>
      <Form.Item name="deadlineDays" label={t('needCategories.deadlineDays')} rules={[{ required: true, message: t('needCategories.problems.daysRange') }]}>
        <InputNumber min={1} max={MAX_DEADLINE_DAYS} precision={0} data-testid="need-category-days" />
      </Form.Item>
    </FormModal>
  );
}
