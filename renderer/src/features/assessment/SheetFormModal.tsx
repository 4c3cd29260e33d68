// Enter or edit one score sheet: direction, who rates, who is rated, one score per criterion. A sheet
// with the same year, direction and parties is edited rather than added a second time.
import { Alert, Form, Input, InputNumber, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, Street } from '@domain/collections';
import { findSheet } from '@domain/stars';
import { FormModal } from '../../components/FormModal';
import { newId, saveDoc } from '../../db/write';
import { FieldProblemsError } from '../../lib/form';
import { assessmentDirections, keptChoice, partyChoices, scoresOf, sheetFormValues, sheetFromForm, type Choice, type SheetFormValues, type SheetProblem } from './sheetForm';
import type { Direction } from './sheetRows';

interface SheetFormModalProps {
  year: number;
  street: Street;
  /** The sheet to edit; undefined to enter a new one (possibly preset, e.g. from a department's row). */
  sheet: Assessment | undefined;
  preset?: Partial<Pick<Assessment, 'direction' | 'assessorId' | 'assesseeId'>> | undefined;
  sheets: readonly Assessment[];
  departments: readonly Choice[];
  communities: readonly Choice[];
  /** The directions the person may enter: a department's liaison gives sheets, never its own rating. */
  directions?: readonly Direction[] | undefined;
  onClose: () => void;
}

export function SheetFormModal({ year, street, sheet: shown, preset, sheets, departments, communities, directions = assessmentDirections, onClose }: SheetFormModalProps) {
  const { t } = useTranslation('assessment');
  const [form] = Form.useForm<SheetFormValues>();
  // The state the form starts from, though the page goes on showing pulled changes.
  const [sheet] = useState(shown);
  const criteria = useMemo(() => street.assessmentCriteria ?? [], [street.assessmentCriteria]);
  const direction = Form.useWatch('direction', form);
  const assessorId = Form.useWatch('assessorId', form);
  const assesseeId = Form.useWatch('assesseeId', form);
  const streetChoice = useMemo(() => ({ value: street.id, label: t('form.street') }), [street.id, t]);
  const { assessors, assessees } = useMemo(() => partyChoices(direction, streetChoice, departments, communities), [direction, streetChoice, departments, communities]);

  // A new sheet whose key matches one already entered: show that one's scores, and save onto it.
  const existing = sheet === undefined && direction && assessorId && assesseeId ? findSheet(sheets, { year, direction, assessorId, assesseeId }) : undefined;
  const [existingBase, setExistingBase] = useState<Assessment | undefined>(undefined);
  const existingId = existing?.id;
  useEffect(() => {
    if (existingId === existingBase?.id) return;
    setExistingBase(existing);
    if (existing) form.setFieldsValue({ scores: scoresOf(existing), note: existing.note });
  }, [existingId, existing, existingBase?.id, form]);

  // A changed direction keeps the parties that still fit it and fills in the street where it is the only choice.
  useEffect(() => {
    // Before the first render of the fields, the watched values are not yet known.
    if (direction === undefined) return;
    const next = { assessorId: keptChoice(assessorId, assessors), assesseeId: keptChoice(assesseeId, assessees) };
    if (next.assessorId !== assessorId || next.assesseeId !== assesseeId) form.setFieldsValue(next);
  }, [direction, assessorId, assesseeId, assessors, assessees, form]);

  const say = (problem: SheetProblem) => t(`form.problems.${problem.code}`, { name: problem.field === 'score' ? problem.name : '' });

  const save = async (values: SheetFormValues) => {
    const target = sheet ?? (existing ? existingBase ?? existing : undefined);
    const result = sheetFromForm(values, criteria, target ?? { id: newId(), streetId: street.id, year });
    if (result.problems) {
      const onFields = result.problems.filter((problem) => problem.field !== 'criteria');
      if (onFields.length < result.problems.length) throw new Error(t('form.problems.noCriteria'));
      throw new FieldProblemsError(onFields.map((problem) => ({ name: problem.field === 'score' ? `scores.${problem.criterionId}` : problem.field, errors: [say(problem)] })));
    }
    await saveDoc('assessments', result.sheet, target);
  };

  const locked = sheet !== undefined;
  return (
    <FormModal
      open
      title={`${sheet ? t('form.editTitle') : t('form.createTitle')}（${t('yearOption', { year })}）`}
      form={form}
      initialValues={sheetFormValues(sheet, preset)}
      onClose={onClose}
      save={save}
      testId="assessment-form"
      saveTestId="assessment-save"
    >
      <Form.Item name="direction" label={t('form.direction')} rules={[{ required: true, message: t('form.problems.direction') }]}>
        <Select
          disabled={locked}
          options={directions.map((value) => ({ value, label: t(`directions.${value}`) }))}
          data-testid="assessment-direction"
        />
      </Form.Item>
      <Form.Item name="assessorId" label={t('form.assessor')} rules={[{ required: true, message: t('form.problems.assessor') }]}>
        <Select disabled={locked || assessors.length < 2} options={assessors} showSearch optionFilterProp="label" data-testid="assessment-assessor" />
      </Form.Item>
      <Form.Item name="assesseeId" label={t('form.assessee')} rules={[{ required: true, message: t('form.problems.assessee') }]}>
        <Select disabled={locked || assessees.length < 2} options={assessees} showSearch optionFilterProp="label" data-testid="assessment-assessee" />
      </Form.Item>
      {existing && <Alert type="info" showIcon title={t('form.existing', { year })} style={{ marginBottom: 16 }} data-testid="assessment-existing" />}
      {criteria.map((criterion) => (
        <Form.Item
          key={criterion.id}
          name={['scores', criterion.id]}
          label={`${criterion.name}（${criterion.weight}）`}
          extra={t('form.scoreHint')}
          rules={[
            { required: true, message: t('form.problems.score', { name: criterion.name }) },
            { type: 'number', min: 0, max: 100, message: t('form.problems.scoreRange', { name: criterion.name }) },
          ]}
        >
          <InputNumber min={0} max={100} style={{ width: 140 }} data-testid={`assessment-score-${criterion.id}`} />
        </Form.Item>
      ))}
      <Form.Item name="note" label={t('form.note')}>
        <Input.TextArea maxLength={1000} rows={2} data-testid="assessment-note" />
      </Form.Item>
    </FormModal>
  );
}
