import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Building, Compound } from '@domain/collections';
import { newId, saveDoc } from '../../db/write';
import { FormModal } from '../../components/FormModal';
import { normalise } from '../../lib/search';
import { buildingFormValues, buildingFromForm, type BuildingFormValues } from './buildingDoc';

interface BuildingFormModalProps {
  compound: Compound;
  /** The building to edit; undefined to create one. */
  building: Building | undefined;
  /** The compound's other buildings: two buildings of one name would be told apart by nobody. */
  siblings: readonly Building[];
  onClose: () => void;
}

const counts = [
  { name: 'units', max: 100, testId: 'building-units' },
  { name: 'households', max: 10000, testId: 'building-households' },
  { name: 'floors', max: 200, testId: 'building-floors' },
] as const;

export function BuildingFormModal({ compound, building, siblings, onClose }: BuildingFormModalProps) {
  const { t } = useTranslation('compounds');
  const [form] = Form.useForm<BuildingFormValues>();
  const takenNames = new Set(siblings.filter((other) => other.id !== building?.id).map((other) => normalise(other.name)));

  const save = async (values: BuildingFormValues) => {
    await saveDoc('buildings', buildingFromForm(values, compound, building ?? { id: newId() }), building);
  };

  return (
    <FormModal
      open
      title={building ? t('buildings.editTitle') : t('buildings.createTitle')}
      form={form}
      initialValues={buildingFormValues(building)}
      onClose={onClose}
      save={save}
      testId="building-form"
      saveTestId="building-save"
    >
      <Form.Item
        name="name"
        label={t('buildings.fields.name')}
        rules={[
          { required: true, whitespace: true, message: t('buildings.fields.nameRequired') },
          {
            validator: (_, value: unknown) =>
              typeof value === 'string' && takenNames.has(normalise(value)) ? Promise.reject(new Error(t('buildings.fields.nameTaken'))) : Promise.resolve(),
          },
        ]}
      >
        <Input maxLength={50} placeholder={t('buildings.fields.namePlaceholder')} data-testid="building-name" />
      </Form.Item>
      {counts.map(({ name, max, testId }) => (
        <Form.Item key={name} name={name} label={t(`buildings.fields.${name}`)} rules={[{ type: 'integer', min: 0, max, message: t('buildings.fields.countInvalid') }]}>
          <InputNumber min={0} max={max} precision={0} style={{ width: 200 }} data-testid={testId} />
        </Form.Item>
      ))}
    </FormModal>
  );
}
