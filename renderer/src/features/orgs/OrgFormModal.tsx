// Creating an org under its parent (only the levels the rules allow there) or editing one: name,
// compound, group type, secretary (a member, a stationed unit's head, or a name), founding date, members.
import { DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Org } from '@domain/collections';
import { childLevelsOf, compoundBranchOf, type OrgLevel } from '@domain/orgTree';
import { useDocs } from '../../db/hooks';
import { newId, saveDoc } from '../../db/write';
import { CommunitySelect } from '../../components/CommunitySelect';
import { FormModal } from '../../components/FormModal';
import { sortByName } from '../../lib/collate';
import { writableCommunities } from '../../lib/permissions';
import { useCurrentUser } from '../../session/useSession';
import { orgFormValues, orgFromForm, type OrgFormValues, type SecretaryKind } from './orgDoc';
import { partyMembersOf } from './orgTexts';
import { useAuthor } from './useAuthor';

const DATE_FORMAT = 'YYYY-MM-DD';
// Stored as YYYY-MM-DD text; the date picker works with dayjs values.
const dateValueProps = (value: unknown) => ({ value: typeof value === 'string' && value !== '' ? dayjs(value, DATE_FORMAT) : undefined });
const dateFromPicker = (value: Dayjs | null | undefined) => (value ? value.format(DATE_FORMAT) : undefined);
const secretaryKinds: SecretaryKind[] = ['member', 'unitHead', 'name', 'none'];

interface OrgFormModalProps {
  /** The org to edit; undefined to create one under `parent` (or the street committee when no parent). */
  org: Org | undefined;
  parent: Org | undefined;
  orgs: readonly Org[];
  onClose: () => void;
  /** With the saved org's id, e.g. to select a new org. */
  onSaved?: (id: string) => void;
}

export function OrgFormModal({ org: shown, parent, orgs, onClose, onSaved }: OrgFormModalProps) {
  const { t } = useTranslation('orgs');
  const user = useCurrentUser();
  const author = useAuthor();
  const [form] = Form.useForm<OrgFormValues>();
  // The state the form starts from, though the page goes on showing pulled changes.
  const [org] = useState(shown);
  const members = useDocs('members');
  const units = useDocs('units');
  const compounds = useDocs('compounds');
  const communities = useDocs('communities');
  const streets = useDocs('streets');

  const levels: OrgLevel[] = org ? [org.level] : parent ? childLevelsOf(parent) : ['streetCommittee'];
  const watchedLevel = Form.useWatch('level', form);
  const level = org?.level ?? watchedLevel ?? levels[0];
  const secretaryKind = Form.useWatch('secretaryKind', form);
  const watchedCommunity = Form.useWatch('communityId', form);
  const choosesCommunity = !org && parent?.level === 'streetCommittee';
  const communityId = level === 'streetCommittee' ? undefined : choosesCommunity ? watchedCommunity : (org?.communityId ?? parent?.communityId);
  const isGroup = level === 'functionalGroup' || level === 'functionalBranch';
  const inheritsCompound = isGroup && parent?.level === 'compoundBranch';
  const showsCompound = level === 'compoundBranch' || (isGroup && !inheritsCompound);

  const memberById = useMemo(() => new Map(members.docs.map((member) => [member.id, member])), [members.docs]);
  const knownMemberIds = useMemo(() => new Set(members.docs.map((member) => member.id)), [members.docs]);
  const memberOptions = useMemo(
    () => partyMembersOf(members.docs, communityId).map((member) => ({ value: member.id, label: member.name })),
    [members.docs, communityId],
  );
  const compoundOptions = sortByName(compounds.docs.filter((compound) => compound.communityId === communityId)).map((compound) => {
    const branch = level === 'compoundBranch' ? compoundBranchOf(orgs, compound.id, org?.id) : undefined;
    return { value: compound.id, label: branch ? t('form.compoundHasBranch', { name: compound.name }) : compound.name, disabled: branch !== undefined };
  });
  const street = streets.docs.find((doc) => doc.id === user.streetId) ?? streets.docs[0];
  const groupTypes = street?.groupTypes ?? [];
  const unitOptions = sortByName(units.docs).map((unit) => ({ value: unit.id, label: `${unit.name}（${t(`unitKinds.${unit.kind}`)}）` }));
  const initialValues = orgFormValues(org, parent, levels[0], knownMemberIds);

  const save = async (values: OrgFormValues) => {
    const base = org ?? {
      id: newId(),
      streetId: user.streetId,
      ...(parent !== undefined && { parentId: parent.id }),
    };
    const doc = orgFromForm({ ...values, level: org?.level ?? values.level ?? levels[0] }, base, {
      orgs,
      memberName: (id) => memberById.get(id)?.name,
      knownMemberIds,
      author: author(),
    });
    await saveDoc('orgs', doc, org);
    onSaved?.(doc.id);
  };

  return (
    <FormModal
      open
      title={org ? t('form.editTitle') : parent ? t('form.createTitle', { parent: parent.name }) : t('createRoot')}
      form={form}
      initialValues={initialValues}
      onClose={onClose}
      save={save}
      testId="org-form"
      saveTestId="org-save"
    >
      {!org && (
        <Form.Item name="level" label={t('form.level')} rules={[{ required: true, message: t('form.levelRequired') }]}>
          <Select options={levels.map((value) => ({ value, label: t(`levels.${value}`) }))} data-testid="org-level" />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('form.name')} rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }]}>
        <Input maxLength={100} placeholder={t('form.namePlaceholder')} data-testid="org-name" />
      </Form.Item>
      {choosesCommunity && level !== 'streetCommittee' && (
        <Form.Item name="communityId" label={t('form.community')} rules={[{ required: true, message: t('form.communityRequired') }]}>
          <CommunitySelect communities={writableCommunities(user, communities.docs)} testId="org-community" />
        </Form.Item>
      )}
      {showsCompound && (
        <Form.Item
          name="compoundId"
          label={t('form.compound')}
          extra={level === 'compoundBranch' ? t('form.compoundHelp') : t('form.compoundOptional')}
          rules={level === 'compoundBranch' ? [{ required: true, message: t('form.compoundRequired') }] : []}
        >
          <Select
            options={compoundOptions}
            allowClear={level !== 'compoundBranch'}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={communityId === undefined ? t('form.chooseCommunityFirst') : undefined}
            data-testid="org-compound"
          />
        </Form.Item>
      )}
      {level === 'functionalGroup' && (
        <Form.Item
          name="groupTypeId"
          label={t('form.groupType')}
          extra={groupTypes.length === 0 ? t('form.noGroupTypes') : undefined}
          rules={[{ required: true, message: t('form.groupTypeRequired') }]}
        >
          <Select options={groupTypes.map((type) => ({ value: type.id, label: type.name }))} data-testid="org-group-type" />
        </Form.Item>
      )}
      <Form.Item name="secretaryKind" label={t('form.secretaryKind')}>
        <Radio.Group options={secretaryKinds.map((value) => ({ value, label: t(`secretaryKinds.${value}`) }))} data-testid="org-secretary-kind" />
      </Form.Item>
      {secretaryKind === 'member' && (
        <Form.Item name="secretaryMemberId" label={t('form.secretaryMember')} extra={t('form.secretaryMemberHelp')} rules={[{ required: true, message: t('form.secretaryMemberRequired') }]}>
          <Select options={memberOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="org-secretary-member" />
        </Form.Item>
      )}
      {(secretaryKind === 'unitHead' || secretaryKind === 'name') && (
        <Form.Item name="secretaryName" label={t('form.secretaryName')} rules={[{ required: true, whitespace: true, message: t('form.secretaryNameRequired') }]}>
          <Input maxLength={50} data-testid="org-secretary-name" />
        </Form.Item>
      )}
      {secretaryKind === 'unitHead' && (
        <Form.Item name="secretaryUnitId" label={t('form.secretaryUnit')} rules={[{ required: true, message: t('form.secretaryUnitRequired') }]}>
          <Select options={unitOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="org-secretary-unit" />
        </Form.Item>
      )}
      <Form.Item name="foundedOn" label={t('form.foundedOn')} getValueProps={dateValueProps} normalize={dateFromPicker}>
        <DatePicker disabledDate={(date) => date.isAfter(dayjs(), 'day')} style={{ width: '100%' }} data-testid="org-founded-on" />
      </Form.Item>
      {level !== 'streetCommittee' && (
        <Form.Item name="memberIds" label={t('form.members')} extra={t('form.membersHelp')}>
          <Select mode="multiple" options={memberOptions} showSearch={{ optionFilterProp: 'label' }} maxTagCount={30} data-testid="org-members" />
        </Form.Item>
      )}
      {org && (org.memberIds ?? []).some((id) => !knownMemberIds.has(id)) && (
        <Typography.Paragraph type="secondary">{t('form.hiddenMembers', { count: (org.memberIds ?? []).filter((id) => !knownMemberIds.has(id)).length })}</Typography.Paragraph>
      )}
    </FormModal>
  );
}
