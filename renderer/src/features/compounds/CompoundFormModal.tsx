import { Form, Input, InputNumber, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Community, Compound } from '@domain/collections';
import { documentProblems } from '@domain/rules';
import { newId, saveDoc } from '../../db/write';
import { CommunitySelect } from '../../components/CommunitySelect';
import { FormModal } from '../../components/FormModal';
import { FieldProblemsError, fieldErrorsOf, domainMessageKey } from '../../lib/form';
import { useCurrentUser } from '../../session/useSession';
import { compoundFormValues, compoundFromForm, type CompoundFormValues } from './compoundDoc';

interface CompoundFormModalProps {
  /** The compound to edit; undefined to create one. */
  compound: Compound | undefined;
  /** The communities the person may put a compound in. */
  communities: readonly Community[];
  /** Preselected for a new compound (the list's community filter, or the person's only community). */
  defaultCommunityId?: string | undefined;
  /** Its buildings and members must stay in its community, so it cannot move while it has any. */
  communityLocked?: boolean;
  onClose: () => void;
}

export function CompoundFormModal({ compound: shown, communities, defaultCommunityId, communityLocked, onClose }: CompoundFormModalProps) {
  const { t } = useTranslation('compounds');
  const user = useCurrentUser();
  const [form] = Form.useForm<CompoundFormValues>();
  // The state the form starts from, though the page goes on showing pulled changes.
  const [compound] = useState(shown);
  const managed = Form.useWatch('propertyManaged', form);

  const save = async (values: CompoundFormValues) => {
    const doc = compoundFromForm(values, compound ?? { id: newId(), streetId: user.streetId });
    const problems = documentProblems('compounds', { ...doc, _deleted: false });
    if (problems.length > 0) {
      throw new FieldProblemsError(fieldErrorsOf(problems, (message) => t(`problems.${domainMessageKey(message) ?? ''}`, { defaultValue: message })));
    }
    await saveDoc('compounds', doc, compound);
  };

  return (
    <FormModal
      open
      title={compound ? t('editTitle') : t('createTitle')}
      form={form}
      initialValues={compoundFormValues(compound, defaultCommunityId)}
      onClose={onClose}
      save={save}
      testId="compound-form"
      saveTestId="compound-save"
    >
      <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, message: t('fields.nameRequired') }]}>
        <Input maxLength={100} placeholder={t('fields.namePlaceholder')} data-testid="compound-name" />
      </Form.Item>
      <Form.Item
        name="communityId"
        label={t('fields.community')}
        rules={[{ required: true, message: t('fields.communityRequired') }]}
        extra={communityLocked ? t('fields.communityLocked') : undefined}
      >
        <CommunitySelect communities={communities} disabled={communityLocked} testId="compound-community" />
      </Form.Item>
      <Form.Item name="address" label={t('fields.address')}>
        <Input maxLength={200} data-testid="compound-address" />
      </Form.Item>
      <Form.Item name="propertyManaged" valuePropName="checked" label={t('fields.propertyManaged')}>
        <Switch checkedChildren={t('yes')} unCheckedChildren={t('no')} data-testid="compound-managed" />
      </Form.Item>
      {managed === true && (
        <Form.Item name="propertyCompany" label={t('fields.propertyCompany')}>
          <Input maxLength={100} data-testid="compound-company" />
        </Form.Item>
      )}
      <Form.Item name="ownersCommittee" valuePropName="checked" label={t('fields.ownersCommittee')}>
        <Switch checkedChildren={t('yes')} unCheckedChildren={t('no')} data-testid="compound-owners-committee" />
      </Form.Item>
      <Form.Item
        name="residentCount"
        label={t('fields.residentCount')}
        rules={[
          { required: true, message: t('fields.residentCountRequired') },
          { type: 'integer', min: 0, max: 1_000_000, message: t('fields.residentCountInvalid') },
        ]}
      >
        <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} data-testid="compound-residents" />
      </Form.Item>
      <Form.Item name="pilot" valuePropName="checked" label={t('fields.pilot')}>
        <Switch checkedChildren={t('yes')} unCheckedChildren={t('no')} data-testid="compound-pilot" />
      </Form.Item>
      <Form.Item name="note" label={t('fields.note')}>
        <Input.TextArea maxLength={500} rows={2} data-testid="compound-note" />
      </Form.Item>
    </FormModal>
  );
}
