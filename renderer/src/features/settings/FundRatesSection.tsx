// The street's branch working-fund rate per resident, one row per year (5–10 yuan, typed in yuan,
// stored in fen): add, edit, remove. Street admins only; everyone else reads it.
import { App, Button, Card, Form, Input, InputNumber, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Street } from '@domain/collections';
import { MAX_RATE_YEAR, MIN_RATE_YEAR, parseFundRate, removeFundRate, setFundRate, type FundRateEntry, type FundRateProblem } from '@domain/funds';
import { formatYuan } from '@domain/money';
import { saveDoc } from '../../db/write';
import { FormModal } from '../../components/FormModal';
import { RowActions } from '../../components/RowActions';
import { FieldProblemsError } from '../../lib/form';

interface Values {
  year: number;
  rate: string;
}

const fieldOf = (problem: FundRateProblem): keyof Values => (problem === 'year' || problem === 'yearTaken' || problem === 'gone' ? 'year' : 'rate');

export function FundRatesSection({ street, mayEdit }: { street: Street; mayEdit: boolean }) {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const [addForm] = Form.useForm<Values>();
  const [editing, setEditing] = useState<FundRateEntry | null>(null);
  const rates = useMemo(() => street.fundRates ?? [], [street.fundRates]);
  const say = (problem: FundRateProblem) => t(`fundRates.problems.${problem}`);

  const write = (next: FundRateEntry[]) => saveDoc('streets', { ...street, fundRates: next }, street);

  /** The new list, or the problems to show on the form's fields. */
  const apply = (values: Values, editingYear?: number): FundRateEntry[] | FieldProblemsError => {
    const parsed = parseFundRate(values.rate ?? '');
    if (!parsed.ok) return new FieldProblemsError([{ name: 'rate', errors: [say(parsed.problem)] }]);
    const result = setFundRate(street.fundRates ?? [], values.year, parsed.fen, editingYear);
    if (result.problem !== undefined) return new FieldProblemsError([{ name: fieldOf(result.problem), errors: [say(result.problem)] }]);
    return result.rates;
  };

  const add = async (values: Values) => {
    const next = apply(values);
    if (next instanceof FieldProblemsError) {
      addForm.setFields(next.fields.map(({ name, errors }) => ({ name: name as keyof Values, errors })));
      return;
    }
    try {
      await write(next);
      addForm.resetFields(['rate']);
      void message.success(t('fundRates.added'));
    } catch (error) {
      void message.error(t('saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  const columns: TableColumnsType<FundRateEntry> = [
    { title: t('fundRates.year'), dataIndex: 'year', width: 120 },
    {
      title: t('fundRates.rate'),
      dataIndex: 'fenPerResident',
      align: 'right',
      render: (fen: number) => t('fundRates.perResident', { amount: formatYuan(fen) }),
    },
  ];
  if (mayEdit) {
    columns.push({
      title: t('fundRates.actions'),
      key: 'actions',
      width: 180,
      render: (_, rate) => (
        <RowActions
          editLabel={t('fundRates.edit')}
          onEdit={() => setEditing(rate)}
          editTestId={`fund-rate-edit-${rate.year}`}
          remove={{
            title: t('fundRates.removeTitle', { year: rate.year }),
            content: t('fundRates.removeContent'),
            onConfirm: () => write(removeFundRate(street.fundRates ?? [], rate.year)),
            testId: `fund-rate-remove-${rate.year}`,
          }}
        />
      ),
    });
  }

  return (
    <Card title={t('fundRates.title')} data-testid="settings-fund-rates">
      <Typography.Paragraph type="secondary">{t('fundRates.help')}</Typography.Paragraph>
      {mayEdit && (
        <Form
          form={addForm}
          layout="inline"
          style={{ marginBottom: 16 }}
          initialValues={{ year: new Date().getFullYear() }}
          onFinish={(values) => void add(values)}
        >
          <Form.Item name="year" label={t('fundRates.year')} rules={[{ required: true, message: t('fundRates.problems.year') }]}>
            <InputNumber min={MIN_RATE_YEAR} max={MAX_RATE_YEAR} precision={0} style={{ width: 110 }} data-testid="fund-rate-new-year" />
          </Form.Item>
          <Form.Item name="rate" label={t('fundRates.rate')}>
            <Input placeholder={t('fundRates.ratePlaceholder')} suffix={t('fundRates.yuan')} style={{ width: 160 }} data-testid="fund-rate-new-rate" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} data-testid="fund-rate-add">
              {t('fundRates.add')}
            </Button>
          </Form.Item>
        </Form>
      )}
      <Table<FundRateEntry> rowKey="year" size="small" columns={columns} dataSource={rates} pagination={false} locale={{ emptyText: t('fundRates.empty') }} />
      {editing && (
        <EditModal
          rate={editing}
          onClose={() => setEditing(null)}
          save={async (values) => {
            const next = apply(values, editing.year);
            if (next instanceof FieldProblemsError) throw next;
            await write(next);
          }}
        />
      )}
    </Card>
  );
}

function EditModal({ rate, onClose, save }: { rate: FundRateEntry; onClose: () => void; save: (values: Values) => Promise<void> }) {
  const { t } = useTranslation('settings');
  const [form] = Form.useForm<Values>();
  return (
    <FormModal
      open
      title={t('fundRates.editTitle', { year: rate.year })}
      form={form}
      initialValues={{ year: rate.year, rate: formatYuan(rate.fenPerResident) }}
      onClose={onClose}
      save={save}
      testId="fund-rate-form"
      saveTestId="fund-rate-save"
    >
      <Form.Item name="year" label={t('fundRates.year')} rules={[{ required: true, message: t('fundRates.problems.year') }]}>
        <InputNumber min={MIN_RATE_YEAR} max={MAX_RATE_YEAR} precision={0} data-testid="fund-rate-year" />
      </Form.Item>
      <Form.Item name="rate" label={t('fundRates.rate')} rules={[{ required: true, whitespace: true, message: t('fundRates.problems.empty') }]}>
        <Input suffix={t('fundRates.yuan')} data-testid="fund-rate-rate" />
      </Form.Item>
    </FormModal>
  );
}
