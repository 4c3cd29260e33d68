// Recording or editing what a branch spent: the branch, the date (in the year shown, not in the
// future), the amount in yuan and what it was for. An edit is written over the entry as the form
// found it, so a change pulled meanwhile is kept.
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Community, LedgerEntry, Org } from '@domain/collections';
import { formatYuan } from '@domain/money';
import { newId, saveDoc } from '../../db/write';
import { FormModal } from '../../components/FormModal';
import { compareText } from '../../lib/collate';
import { today } from '../../lib/dates';
import { useCurrentUser } from '../../session/useSession';
import { disbursementFromForm, ledgerProblemsError, type DisbursementValues } from './ledgerDocs';

const DATE_FORMAT = 'YYYY-MM-DD';
const dateValueProps = (value: unknown) => ({ value: typeof value === 'string' && value !== '' ? dayjs(value, DATE_FORMAT) : undefined });
const dateFromPicker = (value: Dayjs | null | undefined) => (value ? value.format(DATE_FORMAT) : undefined);

interface DisbursementFormModalProps {
  entry: LedgerEntry | undefined;
  defaultOrgId: string | undefined;
  /** The branches the person may book on in the year. */
  branches: readonly Org[];
  communities: readonly Community[];
  year: number;
  onClose: () => void;
}

export function DisbursementFormModal({ entry: shown, defaultOrgId, branches, communities, year, onClose }: DisbursementFormModalProps) {
  const { t } = useTranslation('funds');
  const user = useCurrentUser();
  const [form] = Form.useForm<DisbursementValues>();
  // The state the form starts from, though the page goes on showing pulled changes.
  const [entry] = useState(shown);
  const communityName = useMemo(() => new Map(communities.map((community) => [community.id, community.name])), [communities]);
  const options = branches
    .map((org) => ({ value: org.id, label: `${communityName.get(org.communityId ?? '') ?? ''} · ${org.name}` }))
    .sort((a, b) => compareText(a.label, b.label));
  const now = today();
  const initialValues: DisbursementValues = entry
    ? { orgId: entry.orgId, date: entry.date, amount: formatYuan(entry.amountFen).replace(/,/g, ''), purpose: entry.purpose }
    : { orgId: defaultOrgId, date: now.startsWith(`${year}-`) ? now : undefined };

  const save = async (values: DisbursementValues) => {
    const result = disbursementFromForm(values, { base: entry, id: newId(), streetId: user.streetId, branches, year, today: now });
    if (result.problems) {
      throw ledgerProblemsError(result.problems, (problem) => t(`problems.${problem.code}`, { year }));
    }
    await saveDoc('ledger', result.doc, entry);
  };

  return (
    <FormModal
      open
      title={entry ? t('disbursements.editTitle') : t('disbursements.createTitle', { year })}
      form={form}
      initialValues={initialValues}
      onClose={onClose}
      save={save}
      testId="disbursement-form"
      saveTestId="disbursement-save"
    >
      <Form.Item name="orgId" label={t('disbursements.branch')} rules={[{ required: true, message: t('problems.orgRequired') }]}>
        <Select options={options} showSearch={{ optionFilterProp: 'label' }} placeholder={t('disbursements.branchPlaceholder')} data-testid="disbursement-branch" />
      </Form.Item>
      <Form.Item name="date" label={t('disbursements.date')} getValueProps={dateValueProps} normalize={dateFromPicker} rules={[{ required: true, message: t('problems.dateRequired') }]}>
        <DatePicker
          disabledDate={(date) => date.year() !== year || date.isAfter(dayjs(), 'day')}
          defaultPickerValue={dayjs(`${year}-01-01`)}
          style={{ width: '100%' }}
          data-testid="disbursement-date"
        />
      </Form.Item>
      <Form.Item name="amount" label={t('disbursements.amount')} rules={[{ required: true, whitespace: true, message: t('problems.amountEmpty') }]}>
        <Input suffix={t('yuan')} placeholder={t('amountPlaceholder')} data-testid="disbursement-amount" />
      </Form.Item>
      <Form.Item name="purpose" label={t('disbursements.purpose')} rules={[{ required: true, whitespace: true, message: t('problems.purposeRequired') }]}>
        <Input.TextArea maxLength={500} rows={3} placeholder={t('disbursements.purposePlaceholder')} data-testid="disbursement-purpose" />
      </Form.Item>
    </FormModal>
  );
}
