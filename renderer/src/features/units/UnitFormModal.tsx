import { Form, Input, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Community, Compound, Unit } from '@domain/collections';
import { unitKinds } from '@domain/schema/units';
import { newId, saveDoc } from '../../db/write';
import { CommunitySelect } from '../../components/CommunitySelect';
import { FormModal } from '../../components/FormModal';
import { useCurrentUser } from '../../session/useSession';
import { compoundGroups } from './compoundOptions';
import { PairedCompoundsSelect } from './PairedCompoundsSelect';
import { departmentsByCompound } from './unitDependants';
import { isValidUnitPhone, nameTakenWithinKind, unitFormValues, unitFromForm, type UnitFormValues, type UnitKind } from './unitDoc';

interface UnitFormModalProps {
  /** The unit to edit; undefined to create one. */
  unit: Unit | undefined;
  /** Every unit of the street, for the duplicate-name warning and the other departments' pairings. */
  units: readonly Unit[];
  communities: readonly Community[];
  compounds: readonly Compound[];
  /** Preselected for a new unit (the list's filters). */
  preset?: { kind?: UnitKind | undefined; communityId?: string | undefined };
  onClose: () => void;
}

export function UnitFormModal({ unit: shown, units, communities, compounds, preset, onClose }: UnitFormModalProps) {
  const { t } = useTranslation('units');
  const user = useCurrentUser();
  const [form] = Form.useForm<UnitFormValues>();
  // The state the form starts from, though the page goes on showing pulled changes.
  const [unit] = useState(shown);
  const kind = Form.useWatch('kind', form);

  const knownCompoundIds = useMemo(() => new Set(compounds.map((compound) => compound.id)), [compounds]);
  const groups = useMemo(() => compoundGroups(compounds, communities, departmentsByCompound(units), unit?.id), [compounds, communities, units, unit?.id]);
  const storedPairings = unit?.kind === 'department' ? (unit.pairedCompoundIds ?? []) : [];
  const hiddenPairings = storedPairings.filter((id) => !knownCompoundIds.has(id)).length;
  const initialValues = unitFormValues(unit, preset);
  // The form offers only compounds it can show; the rest are kept by `unitFromForm`.
  const initialShown = { ...initialValues, pairedCompoundIds: (initialValues.pairedCompoundIds ?? []).filter((id) => knownCompoundIds.has(id)) };

  const save = async (values: UnitFormValues) => {
    const doc = unitFromForm(values, unit ?? { id: newId(), streetId: user.streetId }, knownCompoundIds);
    await saveDoc('units', doc, unit);
  };

  return (
    <FormModal
      open
      title={unit ? t('editTitle') : t('createTitle')}
      form={form}
      initialValues={initialShown}
      onClose={onClose}
      save={save}
      testId="unit-form"
      saveTestId="unit-save"
    >
      <Form.Item
        name="kind"
        label={t('fields.kind')}
        rules={[{ required: true, message: t('fields.kindRequired') }]}
        extra={kind !== undefined && kind !== 'department' && storedPairings.length > 0 ? t('fields.kindDropsPairings', { count: storedPairings.length }) : undefined}
      >
        <Select options={unitKinds.map((value) => ({ value, label: t(`kinds.${value}`) }))} data-testid="unit-kind" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('fields.name')}
        dependencies={['kind']}
        rules={[
          { required: true, whitespace: true, message: t('fields.nameRequired') },
          {
            warningOnly: true,
            validator: (_, value: unknown) => {
              const current = form.getFieldValue('kind') as UnitKind | undefined;
              const taken = typeof value === 'string' && current !== undefined && nameTakenWithinKind(units, { id: unit?.id, kind: current, name: value });
              return taken ? Promise.reject(new Error(t('fields.nameTaken'))) : Promise.resolve();
            },
          },
        ]}
      >
        <Input maxLength={100} placeholder={t('fields.namePlaceholder')} data-testid="unit-name" />
      </Form.Item>
      <Form.Item name="communityId" label={t('fields.community')} extra={t('fields.communityHelp')}>
        <CommunitySelect communities={communities} allowClear testId="unit-community" />
      </Form.Item>
      <Form.Item name="contactName" label={t('fields.contactName')}>
        <Input maxLength={50} data-testid="unit-contact-name" />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('fields.contactPhone')}
        rules={[
          {
            validator: (_, value: unknown) =>
              typeof value === 'string' && value.trim() !== '' && !isValidUnitPhone(value)
                ? Promise.reject(new Error(t('fields.contactPhoneInvalid')))
                : Promise.resolve(),
          },
        ]}
      >
        <Input maxLength={30} placeholder="0951-1234567" data-testid="unit-contact-phone" />
      </Form.Item>
      <Form.Item name="address" label={t('fields.address')}>
        <Input maxLength={200} data-testid="unit-address" />
      </Form.Item>
      {kind === 'department' && (
        <Form.Item name="pairedCompoundIds" label={t('fields.pairedCompounds')} extra={t('fields.pairedCompoundsHelp')}>
          <PairedCompoundsSelect groups={groups} />
        </Form.Item>
      )}
      {kind === 'department' && hiddenPairings > 0 && (
        <Typography.Paragraph type="secondary">{t('fields.hiddenPairings', { count: hiddenPairings })}</Typography.Paragraph>
      )}
    </FormModal>
  );
}
