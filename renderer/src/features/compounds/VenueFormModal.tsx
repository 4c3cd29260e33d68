// Add or edit one venue (阵地) of a compound. The venue is saved as part of the compound: the edit is
// written over the compound as it was when the form opened, so a change pulled meanwhile is kept.
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Compound, Unit, Venue } from '@domain/collections';
import { newId, saveDoc } from '../../db/write';
import { FormModal } from '../../components/FormModal';
import { compareText } from '../../lib/collate';
import { FieldProblemsError, fieldErrorsOf } from '../../lib/form';
import { VENUE_MAX_AREA, venueFormValues, venueFromForm, venueKinds, venueProblems, venueTextLimits, withVenue, type VenueFormValues } from './venueDoc';

const DATE_FORMAT = 'YYYY-MM-DD';
// Stored as YYYY-MM-DD text; the date picker works with dayjs values.
const dateValueProps = (value: unknown) => ({ value: typeof value === 'string' && value !== '' ? dayjs(value, DATE_FORMAT) : undefined });
const dateFromPicker = (value: Dayjs | null | undefined) => (value ? value.format(DATE_FORMAT) : undefined);

interface VenueFormModalProps {
  /** The compound as it is now (kept up to date while the form is open). */
  compound: Compound;
  /** The venue to edit; undefined to add one. */
  venue: Venue | undefined;
  units: readonly Unit[];
  onClose: () => void;
}

export function VenueFormModal({ compound, venue, units, onClose }: VenueFormModalProps) {
  const { t } = useTranslation('compounds');
  const [form] = Form.useForm<VenueFormValues>();
  // The compound the edit started from: saveDoc keeps what changed in it meanwhile.
  const [base] = useState(compound);
  const [venueId] = useState(() => venue?.id ?? newId());
  const unitId = Form.useWatch('contributorUnitId', form);

  const unitOptions = useMemo(() => {
    // The compound's property company first: it gives most shared venues.
    const sorted = [...units].sort((a, b) => Number(b.id === compound.propertyUnitId) - Number(a.id === compound.propertyUnitId) || compareText(a.name, b.name));
    const options = sorted.map((unit) => ({ value: unit.id, label: unit.name }));
    // A unit this device does not hold is still shown by the name the venue kept.
    const chosen = venue?.contributorUnitId;
    if (chosen !== undefined && !units.some((unit) => unit.id === chosen)) options.unshift({ value: chosen, label: venue?.contributor ?? chosen });
    return options;
  }, [units, compound.propertyUnitId, venue]);

  const save = async (values: VenueFormValues) => {
    const problems = venueProblems(values, dayjs().format(DATE_FORMAT));
    if (problems.length > 0) throw new FieldProblemsError(fieldErrorsOf(problems));
    const saved = venueFromForm(values, venueId, units, venue);
    // Applied to the compound as it is now, so venues added elsewhere meanwhile stay.
    await saveDoc('compounds', withVenue(compound, saved), base);
  };

  const tooLong = (max: number) => ({ max, message: t('venues.fields.tooLong', { max }) });

  return (
    <FormModal
      open
      title={venue ? t('venues.editTitle') : t('venues.createTitle')}
      form={form}
      initialValues={venue ? venueFormValues(venue) : { kind: compound.propertyManaged ? 'shared' : 'newBuilt' }}
      onClose={onClose}
      save={save}
      testId="venue-form"
      saveTestId="venue-save"
    >
      <Form.Item name="kind" label={t('venues.fields.kind')} rules={[{ required: true, message: t('venues.fields.kindRequired') }]}>
        <Select options={venueKinds.map((kind) => ({ value: kind, label: t(`venues.kinds.${kind}`) }))} data-testid="venue-kind" />
      </Form.Item>
      <Form.Item name="name" label={t('venues.fields.name')} rules={[tooLong(venueTextLimits.name)]}>
        <Input maxLength={venueTextLimits.name} placeholder={t('venues.fields.namePlaceholder')} data-testid="venue-name" />
      </Form.Item>
      <Form.Item name="address" label={t('venues.fields.address')} rules={[tooLong(venueTextLimits.address)]}>
        <Input maxLength={venueTextLimits.address} data-testid="venue-address" />
      </Form.Item>
      <Form.Item
        name="areaSquareMeters"
        label={t('venues.fields.area')}
        rules={[{ type: 'number', min: 0, max: VENUE_MAX_AREA, message: t('venues.fields.areaInvalid') }]}
      >
        <InputNumber min={0} max={VENUE_MAX_AREA} precision={1} style={{ width: 200 }} data-testid="venue-area" />
      </Form.Item>
      <Form.Item name="openingHours" label={t('venues.fields.openingHours')} rules={[tooLong(venueTextLimits.openingHours)]}>
        <Input maxLength={venueTextLimits.openingHours} placeholder={t('venues.fields.openingHoursPlaceholder')} data-testid="venue-opening-hours" />
      </Form.Item>
      <Form.Item name="contributorUnitId" label={t('venues.fields.contributorUnit')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={unitOptions}
          placeholder={t('venues.fields.contributorUnitPlaceholder')}
          data-testid="venue-contributor-unit"
        />
      </Form.Item>
      {unitId === undefined && (
        <Form.Item name="contributor" label={t('venues.fields.contributor')} rules={[tooLong(venueTextLimits.contributor)]}>
          <Input maxLength={venueTextLimits.contributor} placeholder={t('venues.fields.contributorPlaceholder')} data-testid="venue-contributor" />
        </Form.Item>
      )}
      <Form.Item
        name="openedOn"
        label={t('venues.fields.openedOn')}
        getValueProps={dateValueProps}
        normalize={dateFromPicker}
        rules={[
          {
            validator: (_, value: unknown) =>
              typeof value === 'string' && value > dayjs().format(DATE_FORMAT) ? Promise.reject(new Error(t('venues.fields.openedOnFuture'))) : Promise.resolve(),
          },
        ]}
      >
        <DatePicker disabledDate={(date) => date.isAfter(dayjs(), 'day')} style={{ width: '100%' }} data-testid="venue-opened-on" />
      </Form.Item>
    </FormModal>
  );
}
