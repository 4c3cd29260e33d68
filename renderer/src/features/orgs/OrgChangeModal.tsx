// The changes that write an org's history: move it under another parent, upgrade a community
// branch to a general branch, dissolve it, or note a milestone. Each is one save: the change and
// its history entry together.
import { DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Org } from '@domain/collections';
import { validNewParents } from '@domain/orgTree';
import { saveDoc } from '../../db/write';
import { FormModal } from '../../components/FormModal';
import { compareText } from '../../lib/collate';
import { today } from '../../lib/dates';
import { dissolvedOrg, movedOrg, notedOrg, upgradedName, upgradedOrg } from './orgDoc';
import { useAuthor } from './useAuthor';

export type OrgChange = 'move' | 'upgrade' | 'dissolve' | 'note';

interface ChangeValues {
  parentId?: string;
  date?: string;
  docNo?: string;
  name?: string;
  note?: string;
}

const DATE_FORMAT = 'YYYY-MM-DD';
const dateValueProps = (value: unknown) => ({ value: typeof value === 'string' && value !== '' ? dayjs(value, DATE_FORMAT) : undefined });
const dateFromPicker = (value: Dayjs | null | undefined) => (value ? value.format(DATE_FORMAT) : undefined);

interface OrgChangeModalProps {
  change: OrgChange;
  org: Org;
  orgs: readonly Org[];
  onClose: () => void;
}

export function OrgChangeModal({ change, org: shown, orgs, onClose }: OrgChangeModalProps) {
  const { t } = useTranslation('orgs');
  const author = useAuthor();
  const [form] = Form.useForm<ChangeValues>();
  // The state the change starts from, though the page goes on showing pulled changes.
  const [org] = useState(shown);
  const parents = change === 'move' ? [...validNewParents(orgs, org)].sort((a, b) => compareText(a.name, b.name)) : [];

  const save = async (values: ChangeValues) => {
    const now = author();
    const doc =
      change === 'move'
        ? movedOrg(orgs, org, values.parentId ?? '', values, now)
        : change === 'upgrade'
          ? upgradedOrg(org, values, now)
          : change === 'dissolve'
            ? dissolvedOrg(orgs, org, values, now)
            : notedOrg(org, values, now);
    await saveDoc('orgs', doc, org);
  };

  return (
    <FormModal
      open
      title={t(`changes.${change}.title`, { name: org.name })}
      form={form}
      initialValues={{ date: today(), ...(change === 'upgrade' && { name: upgradedName(org.name) }) }}
      onClose={onClose}
      save={save}
      testId={`org-${change}-form`}
      saveTestId={`org-${change}-save`}
    >
      <Typography.Paragraph type="secondary">{t(`changes.${change}.help`)}</Typography.Paragraph>
      {change === 'move' && (
        <Form.Item
          name="parentId"
          label={t('changes.move.parent')}
          extra={parents.length === 0 ? t('changes.move.noParents') : undefined}
          rules={[{ required: true, message: t('changes.move.parentRequired') }]}
        >
          <Select
            options={parents.map((parent) => ({ value: parent.id, label: `${parent.name}（${t(`levels.${parent.level}`)}）` }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="org-move-parent"
          />
        </Form.Item>
      )}
      <Form.Item
        name="date"
        label={t(`changes.${change}.date`)}
        getValueProps={dateValueProps}
        normalize={dateFromPicker}
        rules={change === 'upgrade' || change === 'dissolve' ? [{ required: true, message: t(`changes.${change}.dateRequired`) }] : []}
      >
        <DatePicker disabledDate={(date) => date.isAfter(dayjs(), 'day')} style={{ width: '100%' }} data-testid={`org-${change}-date`} />
      </Form.Item>
      {(change === 'upgrade' || change === 'dissolve') && (
        <Form.Item
          name="docNo"
          label={t('changes.docNo')}
          rules={change === 'upgrade' ? [{ required: true, whitespace: true, message: t('changes.upgrade.docNoRequired') }] : []}
        >
          <Input maxLength={100} placeholder={t('changes.docNoPlaceholder')} data-testid={`org-${change}-docno`} />
        </Form.Item>
      )}
      {change === 'upgrade' && (
        <Form.Item name="name" label={t('changes.upgrade.name')} rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }]}>
          <Input maxLength={100} data-testid="org-upgrade-name" />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={t('changes.noteLabel')}
        rules={change === 'note' ? [{ required: true, whitespace: true, message: t('changes.note.noteRequired') }] : []}
      >
        <Input.TextArea maxLength={250} rows={3} data-testid={`org-${change}-note`} />
      </Form.Item>
    </FormModal>
  );
}
