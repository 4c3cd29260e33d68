// The street's assessment criteria (考核指标) and their weights: add, edit, remove. The weights'
// sum is shown and a sum other than 100 is flagged; a criterion scored on a sheet is kept.
import { Alert, App, Button, Card, Form, Input, InputNumber, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Street } from '@domain/collections';
import { addCriterion, criterionUsage, editCriterion, removeCriterion, weightSum, type Criterion, type CriterionProblem } from '@domain/stars';
import { useDocs } from '../../db/hooks';
import { newId, saveDoc } from '../../db/write';
import { FormModal } from '../../components/FormModal';
import { RowActions } from '../../components/RowActions';
import { FieldProblemsError } from '../../lib/form';

interface Values {
  name: string;
  weight: number;
}

export function AssessmentCriteriaSection({ street, mayEdit }: { street: Street; mayEdit: boolean }) {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const sheets = useDocs('assessments');
  const [addForm] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Criterion | null>(null);
  const criteria = useMemo(() => street.assessmentCriteria ?? [], [street.assessmentCriteria]);
  const sum = weightSum(criteria);
  const say = (problem: CriterionProblem) => t(`assessmentCriteria.problems.${problem.code}`);
  const fieldOf = (problem: CriterionProblem) => (problem.field === 'weight' ? 'weight' : 'name');

  const write = (next: Criterion[]) => saveDoc('streets', { ...street, assessmentCriteria: next }, street);

  const add = async (values: Values) => {
    const result = addCriterion(criteria, values.name ?? '', values.weight ?? Number.NaN, newId());
    if (result.problem) {
      addForm.setFields([{ name: fieldOf(result.problem), errors: [say(result.problem)] }]);
      return;
    }
    try {
      await write(result.criteria);
      addForm.resetFields();
      void message.success(t('assessmentCriteria.added'));
    } catch (error) {
      void message.error(t('saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  const columns: TableColumnsType<Criterion> = [
    { title: t('assessmentCriteria.name'), dataIndex: 'name' },
    { title: t('assessmentCriteria.weight'), dataIndex: 'weight', width: 100, align: 'right' },
    {
      title: t('assessmentCriteria.usage'),
      key: 'usage',
      width: 100,
      align: 'right',
      render: (_, criterion) => (sheets.loading ? '…' : criterionUsage(sheets.docs, criterion.id)),
    },
  ];
  if (mayEdit) {
    columns.push({
      title: t('assessmentCriteria.actions'),
      key: 'actions',
      width: 180,
      render: (_, criterion) => {
        const used = criterionUsage(sheets.docs, criterion.id);
        return (
          <RowActions
            editLabel={t('assessmentCriteria.edit')}
            onEdit={() => setEditing(criterion)}
            editTestId={`criterion-edit-${criterion.id}`}
            remove={{
              title: t('assessmentCriteria.removeTitle', { name: criterion.name }),
              content: t('assessmentCriteria.removeContent'),
              blockedReason: sheets.loading
                ? t('assessmentCriteria.stillLoading')
                : used > 0
                  ? t('assessmentCriteria.inUse', { count: used, name: criterion.name })
                  : undefined,
              onConfirm: () => write(removeCriterion(street.assessmentCriteria ?? [], criterion.id)),
              testId: `criterion-remove-${criterion.id}`,
            }}
          />
        );
      },
    });
  }

  return (
    <Card title={t('assessmentCriteria.title')} data-testid="settings-assessment-criteria">
      <Typography.Paragraph type="secondary">{t('assessmentCriteria.help')}</Typography.Paragraph>
      {mayEdit && (
        <Form form={addForm} layout="inline" style={{ marginBottom: 16 }} onFinish={(values) => void add(values)}>
          <Form.Item name="name">
            <Input maxLength={100} placeholder={t('assessmentCriteria.newPlaceholder')} style={{ width: 240 }} data-testid="criterion-new-name" />
          </Form.Item>
          <Form.Item name="weight" label={t('assessmentCriteria.weight')}>
            <InputNumber min={0} max={100} style={{ width: 100 }} data-testid="criterion-new-weight" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} data-testid="criterion-add">
              {t('assessmentCriteria.add')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {criteria.length > 0 && sum !== 100 && (
        <Alert type="warning" showIcon title={t('assessmentCriteria.sumNot100', { sum })} style={{ marginBottom: 16 }} data-testid="criteria-sum-warning" />
      )}
      <Table<Criterion>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={criteria}
        pagination={false}
        locale={{ emptyText: t('assessmentCriteria.empty') }}
        summary={() =>
          criteria.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={columns.length}>
                <span data-testid="criteria-sum">{t('assessmentCriteria.sum', { sum })}</span>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
      {editing && (
        <EditModal
          criterion={editing}
          onClose={() => setEditing(null)}
          save={async (values) => {
            const result = editCriterion(street.assessmentCriteria ?? [], editing.id, values.name, values.weight);
            if (result.problem) throw new FieldProblemsError([{ name: fieldOf(result.problem), errors: [say(result.problem)] }]);
            await write(result.criteria);
          }}
        />
      )}
    </Card>
  );
}

function EditModal({ criterion, onClose, save }: { criterion: Criterion; onClose: () => void; save: (values: Values) => Promise<void> }) {
  const { t } = useTranslation('settings');
  const [form] = Form.useForm<Values>();
  return (
    <FormModal
      open
      title={t('assessmentCriteria.editTitle', { name: criterion.name })}
      form={form}
      initialValues={{ name: criterion.name, weight: criterion.weight }}
      onClose={onClose}
      save={save}
      testId="criterion-form"
      saveTestId="criterion-save"
    >
      <Form.Item name="name" label={t('assessmentCriteria.name')} rules={[{ required: true, whitespace: true, message: t('assessmentCriteria.problems.nameRequired') }]}>
        <Input maxLength={100} data-testid="criterion-name" />
      </Form.Item>
      <Form.Item name="weight" label={t('assessmentCriteria.weight')} rules={[{ required: true, message: t('assessmentCriteria.problems.weightRange') }]}>
        <InputNumber min={0} max={100} data-testid="criterion-weight" />
      </Form.Item>
    </FormModal>
  );
}
