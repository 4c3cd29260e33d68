// 登记居民需求: recorded in the compound, often offline (a local write). Editing changes the
// need's own fields only, while it is open; its state and history move only by steps.
import { Checkbox, DatePicker, Form, Input, Radio, Select, type SelectProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { Building, Community, Compound, Need } from '@domain/collections';
import { isValidMobile } from '@domain/identity';
import { isOpen } from '@domain/needDeadline';
import type { NeedActor } from '@domain/needFlow';
import { documentProblems } from '@domain/rules';
import { urgencies } from '@domain/schema/needs';
import { newId, saveDoc } from '../../db/write';
import { FormModal } from '../../components/FormModal';
import { compareText, sortByName } from '../../lib/collate';
import { today } from '../../lib/dates';
import { FieldProblemsError, domainMessageKey, fieldErrorsOf } from '../../lib/form';
import { stepContext } from '../../lib/needActor';
import { useCurrentUser } from '../../session/useSession';
import type { NeedCategory } from './needLookups';
import { needFormValues, needFromForm, recordedNeed, type NeedFormValues } from './needDoc';
import { useDeviceId } from './useNeedLookups';
import { useNeedTexts } from './useNeedTexts';

const DATE_FORMAT = 'YYYY-MM-DD';
const dateValueProps = (value: unknown) => ({ value: typeof value === 'string' && value !== '' ? dayjs(value, DATE_FORMAT) : undefined });
const dateFromPicker = (value: Dayjs | null | undefined) => (value ? value.format(DATE_FORMAT) : undefined);

interface NeedFormModalProps {
  /** The need to edit; undefined to record one. */
  need: Need | undefined;
  /** The compounds the person may record needs in. */
  compounds: readonly Compound[];
  communities: readonly Community[];
  buildings: readonly Building[];
  categories: readonly NeedCategory[];
  actor: NeedActor;
  defaultCompoundId?: string | undefined;
  onClose: () => void;
}

export function NeedFormModal({ need: shown, compounds, communities, buildings, categories, actor, defaultCompoundId, onClose }: NeedFormModalProps) {
  const { t, urgencyName, problemText } = useNeedTexts();
  const user = useCurrentUser();
  const deviceId = useDeviceId();
  const [form] = Form.useForm<NeedFormValues>();
  // The state the form starts from, though the page goes on showing pulled changes.
  const [need] = useState(shown);
  const compoundId = Form.useWatch('compoundId', form);

  const compoundOptions = useMemo((): SelectProps['options'] => {
    const groups = new Map<string, Compound[]>();
    for (const compound of sortByName(compounds)) groups.set(compound.communityId, [...(groups.get(compound.communityId) ?? []), compound]);
    const option = (compound: Compound) => ({ value: compound.id, label: compound.name });
    if (groups.size <= 1) return sortByName(compounds).map(option);
    const names = new Map(communities.map((community) => [community.id, community.name]));
    return [...groups]
      .map(([communityId, members]) => ({ label: names.get(communityId) ?? communityId, title: names.get(communityId) ?? communityId, options: members.map(option) }))
      .sort((a, b) => compareText(a.label, b.label));
  }, [compounds, communities]);
  const buildingOptions = useMemo(
    () => sortByName(buildings.filter((building) => building.compoundId === compoundId)).map((building) => ({ value: building.id, label: building.name })),
    [buildings, compoundId],
  );
  const categoryOptions = categories.map((category) => ({
    value: category.id,
    label: category.deadlineDays > 0 ? t('form.categoryDeadline', { name: category.name, days: category.deadlineDays }) : t('form.categoryNoDeadline', { name: category.name }),
  }));

  const save = async (values: NeedFormValues) => {
    const compound = compounds.find((entry) => entry.id === values.compoundId);
    if (!compound) throw new FieldProblemsError([{ name: 'compoundId', errors: [t('form.compoundRequired')] }]);
    let doc: Need;
    if (need) {
      if (!isOpen(need)) throw new Error(t('form.notOpen'));
      doc = needFromForm(values, need);
    } else {
      const result = recordedNeed(values, { id: newId(), streetId: user.streetId, communityId: compound.communityId }, actor, () => stepContext(user, deviceId));
      if (!result.ok) throw new Error(t('form.refused', { reason: problemText(result.problem) }));
      doc = result.need;
    }
    const problems = documentProblems('needs', { ...doc, _deleted: false });
    if (problems.length > 0) {
      throw new FieldProblemsError(fieldErrorsOf(problems, (message) => t(`problems.${domainMessageKey(message) ?? ''}`, { defaultValue: message })));
    }
    await saveDoc('needs', doc, need);
  };

  return (
    <FormModal
      open
      title={need ? t('form.editTitle') : t('form.createTitle')}
      form={form}
      initialValues={needFormValues(need, defaultCompoundId, today())}
      onClose={onClose}
      save={save}
      testId="need-form"
      saveTestId="need-save"
    >
      <Form.Item
        name="compoundId"
        label={t('form.compound')}
        rules={[{ required: true, message: t('form.compoundRequired') }]}
        extra={need ? t('form.compoundLocked') : undefined}
      >
        <Select
          options={compoundOptions}
          disabled={need !== undefined}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={() => form.setFieldValue('buildingId', undefined)}
          data-testid="need-compound"
        />
      </Form.Item>
      <Form.Item name="buildingId" label={t('form.building')}>
        <Select options={buildingOptions} allowClear placeholder={t('form.buildingPlaceholder')} showSearch={{ optionFilterProp: 'label' }} data-testid="need-building" />
      </Form.Item>
      <Form.Item name="raisedBy" label={t('form.raisedBy')}>
        <Input maxLength={50} data-testid="need-raised-by" />
      </Form.Item>
      <Form.Item
        name="raisedByPhone"
        label={t('form.raisedPhone')}
        rules={[{ validator: async (_, value: unknown) => (typeof value !== 'string' || value.trim() === '' || isValidMobile(value.trim()) ? undefined : Promise.reject(new Error(t('problems.mobile')))) }]}
      >
        <Input maxLength={11} inputMode="numeric" data-testid="need-raised-phone" />
      </Form.Item>
      <Form.Item name="raisedOn" label={t('form.raisedOn')} getValueProps={dateValueProps} normalize={dateFromPicker} rules={[{ required: true, message: t('form.raisedOnRequired') }]}>
        <DatePicker disabledDate={(date) => date.isAfter(dayjs(), 'day')} style={{ width: '100%' }} data-testid="need-raised-on" />
      </Form.Item>
      <Form.Item name="categoryId" label={t('form.category')} extra={categories.length === 0 ? t('form.categoryNone') : undefined}>
        <Select options={categoryOptions} allowClear data-testid="need-category" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('form.description')}
        rules={[
          { required: true, whitespace: true, message: t('form.descriptionRequired') },
          { max: 2000, message: t('form.descriptionTooLong') },
        ]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="need-description" />
      </Form.Item>
      <Form.Item name="urgency" label={t('form.urgency')}>
        <Radio.Group optionType="button" options={urgencies.map((value) => ({ value, label: urgencyName(value) }))} data-testid="need-urgency" />
      </Form.Item>
      {!need && (
        <Form.Item name="listNow" valuePropName="checked">
          <Checkbox data-testid="need-list-now">{t('form.listNow')}</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}
