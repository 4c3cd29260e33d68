// Record or edit one service activity. An edit is written over the activity as it was when the
// form opened, so a change pulled meanwhile (another device adding a participant) is kept.
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, Compound, Member } from '@domain/collections';
import { newId, saveDoc } from '../../db/write';
import { FormModal } from '../../components/FormModal';
import { compareText } from '../../lib/collate';
import { today } from '../../lib/dates';
import { FieldProblemsError, type FieldErrors } from '../../lib/form';
import { MAX_HOURS, activityFormValues, activityFromForm, activityKinds, activityProblems, activityTextLimits, type ActivityFormValues } from './activityDoc';
import { ParticipantPicker } from './ParticipantPicker';

const DATE_FORMAT = 'YYYY-MM-DD';
// Stored as YYYY-MM-DD text; the date picker works with dayjs values.
const dateValueProps = (value: unknown) => ({ value: typeof value === 'string' && value !== '' ? dayjs(value, DATE_FORMAT) : undefined });
const dateFromPicker = (value: Dayjs | null | undefined) => (value ? value.format(DATE_FORMAT) : undefined);

interface ActivityFormModalProps {
  /** The activity to edit, as the list showed it; undefined to record one. */
  activity: Activity | undefined;
  /** The compounds the person may record activities in. */
  compounds: readonly Compound[];
  /** The members the person can see; participants are those of the compound's community. */
  members: readonly Member[];
  /** Values a new activity starts with, e.g. the compound the list is filtered to. */
  preset: Partial<ActivityFormValues>;
  onClose: () => void;
}

export function ActivityFormModal({ activity, compounds, members, preset, onClose }: ActivityFormModalProps) {
  const { t } = useTranslation('activities');
  const [form] = Form.useForm<ActivityFormValues>();
  // The activity the edit started from: saveDoc keeps what changed in it meanwhile.
  const [base] = useState(activity);
  // One id per new activity, so saving again after a failure cannot record it twice.
  const [id] = useState(() => activity?.id ?? newId());
  const [initialValues] = useState(() => activityFormValues(activity, preset));
  const compoundId = Form.useWatch('compoundId', form) ?? initialValues.compoundId;
  const compound = compounds.find((candidate) => candidate.id === compoundId);

  const compoundOptions = useMemo(
    () => [...compounds].sort((a, b) => compareText(a.name, b.name)).map((candidate) => ({ value: candidate.id, label: candidate.name })),
    [compounds],
  );
  const venueOptions = (compound?.venues ?? []).map((venue) => ({ value: venue.id, label: venue.name ?? t('form.unnamedVenue') }));
  const candidates = useMemo(() => (compound ? members.filter((member) => member.communityId === compound.communityId) : []), [members, compound]);

  const compoundChanged = (nextId: string | undefined) => {
    // Another compound's venue would be refused, and members of another community do not belong.
    const next = compounds.find((candidate) => candidate.id === nextId);
    const chosen = (form.getFieldValue('participantIds') as string[] | undefined) ?? [];
    const communityOf = new Map(members.map((member) => [member.id, member.communityId]));
    form.setFieldsValue({ venueId: undefined, participantIds: chosen.filter((memberId) => communityOf.get(memberId) === next?.communityId) });
  };

  const save = async (values: ActivityFormValues) => {
    const problems = activityProblems(values, today(), compounds, members);
    if (problems.length > 0) {
      const fields = new Map<string, string[]>();
      for (const problem of problems) fields.set(problem.field, [...(fields.get(problem.field) ?? []), t(`form.problems.${problem.kind}`)]);
      throw new FieldProblemsError([...fields].map(([name, errors]): FieldErrors => ({ name, errors })));
    }
    const chosen = compounds.find((candidate) => candidate.id === values.compoundId);
    if (!chosen) return;
    await saveDoc('activities', activityFromForm(values, id, chosen), base);
  };

  return (
    <FormModal
      open
      title={activity ? t('form.editTitle') : t('form.createTitle')}
      form={form}
      initialValues={initialValues}
      onClose={onClose}
      save={save}
      testId="activity-form"
      saveTestId="activity-save"
    >
      <Form.Item name="compoundId" label={t('form.compound')} rules={[{ required: true, message: t('form.problems.compoundRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={compoundOptions}
          placeholder={t('form.compoundPlaceholder')}
          onChange={(value: string) => compoundChanged(value)}
          data-testid="activity-compound"
        />
      </Form.Item>
      <Form.Item
        name="date"
        label={t('form.date')}
        getValueProps={dateValueProps}
        normalize={dateFromPicker}
        rules={[
          { required: true, message: t('form.problems.dateRequired') },
          {
            validator: (_, value: unknown) =>
              typeof value === 'string' && value > today() ? Promise.reject(new Error(t('form.problems.dateFuture'))) : Promise.resolve(),
          },
        ]}
      >
        <DatePicker disabledDate={(date) => date.isAfter(dayjs(), 'day')} style={{ width: '100%' }} data-testid="activity-date" />
      </Form.Item>
      <Form.Item name="venueId" label={t('form.venue')} extra={compound && venueOptions.length === 0 ? t('form.noVenues') : undefined}>
        <Select allowClear options={venueOptions} placeholder={t('form.venuePlaceholder')} disabled={!compound || venueOptions.length === 0} data-testid="activity-venue" />
      </Form.Item>
      <Form.Item name="kind" label={t('form.kind')} rules={[{ required: true, message: t('form.problems.kindRequired') }]}>
        <Select options={activityKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))} data-testid="activity-kind" />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('form.title')}
        rules={[
          { required: true, whitespace: true, message: t('form.problems.titleRequired') },
          { max: activityTextLimits.title, message: t('form.problems.titleTooLong') },
        ]}
      >
        <Input maxLength={activityTextLimits.title} placeholder={t('form.titlePlaceholder')} data-testid="activity-title" />
      </Form.Item>
      <Form.Item name="participantIds" label={t('form.participants')}>
        <ParticipantPicker
          members={candidates}
          disabled={!compound}
          placeholder={compound ? t('form.participantsPlaceholder') : t('form.participantsNeedCompound')}
        />
      </Form.Item>
      <Form.Item
        name="hours"
        label={t('form.hours')}
        extra={t('form.hoursHelp')}
        rules={[{ type: 'number', min: 0, max: MAX_HOURS, message: t('form.problems.hoursInvalid') }]}
      >
        <InputNumber min={0} max={MAX_HOURS} step={0.5} precision={1} style={{ width: 200 }} data-testid="activity-hours" />
      </Form.Item>
      <Form.Item name="note" label={t('form.note')} rules={[{ max: activityTextLimits.note, message: t('form.problems.noteTooLong') }]}>
        <Input.TextArea maxLength={activityTextLimits.note} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="activity-note" />
      </Form.Item>
    </FormModal>
  );
}
