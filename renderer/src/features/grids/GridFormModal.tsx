// 新增/编辑网格: the compounds and buildings it covers, and its people, all of one community.
import { Form, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Community, Grid } from '@domain/collections';
import { useDocs } from '../../db/hooks';
import { newId, saveDoc } from '../../db/write';
import { CommunitySelect } from '../../components/CommunitySelect';
import { FormModal } from '../../components/FormModal';
import { sortByName } from '../../lib/collate';
import { FieldProblemsError } from '../../lib/form';
import { useCurrentUser } from '../../session/useSession';
import { buildingsOfCompounds, gridFormValues, gridFromForm, gridOfBuilding, gridProblems, withoutMissing, type GridFormValues, type GridProblem } from './gridModel';
import { MemberPicker } from './MemberPicker';

interface GridFormModalProps {
  /** The grid to edit; undefined to create one. */
  grid: Grid | undefined;
  /** The communities the person may put a grid in. */
  communities: readonly Community[];
  defaultCommunityId?: string | undefined;
  /** Members are placed in it, and a member's grid must be of their community. */
  communityLocked?: boolean;
  onClose: () => void;
}

const ofCommunity = <T extends { communityId: string }>(docs: readonly T[], communityId: string | undefined) =>
  docs.filter((doc) => doc.communityId === communityId);

export function GridFormModal({ grid: shown, communities, defaultCommunityId, communityLocked, onClose }: GridFormModalProps) {
  const { t } = useTranslation('grids');
  const user = useCurrentUser();
  const [form] = Form.useForm<GridFormValues>();
  // The state the form starts from, though the page goes on showing pulled changes.
  const [grid] = useState(shown);
  const [id] = useState(() => grid?.id ?? newId());
  const communityId = Form.useWatch('communityId', form) ?? grid?.communityId ?? defaultCommunityId;
  const compoundIds = Form.useWatch('compoundIds', form);
  // All the device holds: the save checks that nothing chosen has moved to another community.
  const allCompounds = useDocs('compounds');
  const allBuildings = useDocs('buildings');
  const allMembers = useDocs('members');
  const allGrids = useDocs('grids');
  const compounds = useMemo(() => ofCommunity(allCompounds.docs, communityId), [allCompounds.docs, communityId]);
  const buildings = useMemo(() => ofCommunity(allBuildings.docs, communityId), [allBuildings.docs, communityId]);
  const members = useMemo(() => ofCommunity(allMembers.docs, communityId), [allMembers.docs, communityId]);
  const grids = useMemo(() => ofCommunity(allGrids.docs, communityId), [allGrids.docs, communityId]);

  const compoundOptions = useMemo(() => sortByName(compounds).map((compound) => ({ value: compound.id, label: compound.name })), [compounds]);
  const buildingOptions = useMemo(() => {
    const chosen = new Set(compoundIds ?? []);
    const compoundName = new Map(compounds.map((compound) => [compound.id, compound.name]));
    const covering = gridOfBuilding(grids.filter((other) => other.id !== id));
    return sortByName(buildings.filter((building) => chosen.has(building.compoundId))).map((building) => {
      const other = covering.get(building.id);
      const name = `${compoundName.get(building.compoundId) ?? ''} ${building.name}`;
      return { value: building.id, label: other ? `${name}${t('fields.inOtherGrid', { name: other.name })}` : name };
    });
  }, [buildings, compounds, compoundIds, grids, id, t]);
  const people = useMemo(() => sortByName(members), [members]);

  const problemText = (problem: GridProblem) => (problem.kind === 'codeTaken' ? t('problems.codeTaken', { other: problem.other }) : t(`problems.${problem.kind}`));

  const save = async (values: GridFormValues) => {
    const docs = { compounds: allCompounds.docs, buildings: allBuildings.docs, members: allMembers.docs, grids: allGrids.docs };
    const present = withoutMissing(values, docs);
    const problems = gridProblems(id, present, docs);
    if (problems.length > 0) throw new FieldProblemsError(problems.map((problem) => ({ name: problem.field, errors: [problemText(problem)] })));
    await saveDoc('grids', gridFromForm(present, grid ?? { id, streetId: user.streetId }), grid);
  };

  // Form.Item calls a control's own onChange after taking the value. Places and people of another
  // community would be refused; buildings of a compound taken out go with it.
  const communityChanged = () => form.setFieldsValue({ compoundIds: [], buildingIds: [], gridWorkerIds: [], communityWorkerIds: [], volunteerIds: [] });
  const compoundsChanged = (chosen: string[]) =>
    form.setFieldsValue({ buildingIds: buildingsOfCompounds(form.getFieldValue('buildingIds') as string[] | undefined, chosen, buildings) });

  const peopleField = (name: 'gridWorkerIds' | 'communityWorkerIds' | 'volunteerIds', label: string, testId: string) => (
    <Form.Item name={name} label={label}>
      <MemberPicker
        members={people}
        unknownLabel={t('detail.unknownMember')}
        disabled={!communityId}
        placeholder={communityId ? t('fields.peoplePlaceholder') : t('fields.chooseCommunityFirst')}
        testId={testId}
      />
    </Form.Item>
  );

  return (
    <FormModal
      open
      title={grid ? t('editTitle') : t('createTitle')}
      form={form}
      initialValues={gridFormValues(grid, defaultCommunityId)}
      onClose={onClose}
      save={save}
      testId="grid-form"
      saveTestId="grid-save"
    >
      <Form.Item
        name="communityId"
        label={t('fields.community')}
        rules={[{ required: true, message: t('fields.communityRequired') }]}
        extra={communityLocked ? t('fields.communityLocked') : undefined}
      >
        <CommunitySelect communities={communities} disabled={communityLocked} onChange={communityChanged} testId="grid-community" />
      </Form.Item>
      <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, message: t('fields.nameRequired') }]}>
        <Input maxLength={50} placeholder={t('fields.namePlaceholder')} data-testid="grid-name" />
      </Form.Item>
      <Form.Item name="code" label={t('fields.code')}>
        <Input maxLength={20} placeholder={t('fields.codePlaceholder')} data-testid="grid-code" />
      </Form.Item>
      <Form.Item name="compoundIds" label={t('fields.compounds')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          disabled={!communityId}
          placeholder={communityId ? undefined : t('fields.chooseCommunityFirst')}
          options={compoundOptions}
          onChange={compoundsChanged}
          loading={allCompounds.loading}
          data-testid="grid-compounds"
        />
      </Form.Item>
      <Form.Item name="buildingIds" label={t('fields.buildings')} extra={t('fields.buildingsHint')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          disabled={(compoundIds ?? []).length === 0}
          placeholder={(compoundIds ?? []).length === 0 ? t('fields.chooseCompoundsFirst') : undefined}
          options={buildingOptions}
          loading={allBuildings.loading}
          data-testid="grid-buildings"
        />
      </Form.Item>
      {peopleField('gridWorkerIds', t('fields.gridWorkers'), 'grid-grid-workers')}
      {peopleField('communityWorkerIds', t('fields.communityWorkers'), 'grid-community-workers')}
      {peopleField('volunteerIds', t('fields.volunteers'), 'grid-volunteers')}
    </FormModal>
  );
}
