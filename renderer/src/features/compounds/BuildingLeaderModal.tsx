// 认领/更换红色楼栋长: a Party member of the building's community claims it. Staff find the person
// by name or pinyin; the building's own residents come first, then the compound's.
import { Alert, Form, Select, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Building, Member } from '@domain/collections';
import { claimLeader, leaderProblemCode } from '@domain/leaders';
import { useDocs } from '../../db/hooks';
import { saveDoc } from '../../db/write';
import { FormModal } from '../../components/FormModal';
import { FieldProblemsError } from '../../lib/form';
import type { SearchSource } from '../../lib/search';
import { useSearch } from '../../lib/useSearch';
import { leaderCandidates } from './buildingLeaders';
import { useLeaderChangeContext } from './useLeaderChangeContext';

interface BuildingLeaderModalProps {
  building: Building;
  /** The current leader's name, when there is one. */
  leaderName: string | undefined;
  onClose: () => void;
}

interface LeaderFormValues {
  memberId: string;
}

const searchSourceOf = (member: Member): SearchSource => ({ personNames: [member.name], endings: [member.mobile] });

export function BuildingLeaderModal({ building, leaderName, onClose }: BuildingLeaderModalProps) {
  const { t } = useTranslation('compounds');
  const changeContext = useLeaderChangeContext();
  const [form] = Form.useForm<LeaderFormValues>();
  // What the dialog started from: a change pulled while it is open is kept (saveDoc's base).
  const [base] = useState(building);
  const [query, setQuery] = useState('');
  const partyMembers = useDocs('members', { selector: { communityId: building.communityId, isPartyMember: true } });
  const candidates = useMemo(() => leaderCandidates(partyMembers.docs, base), [partyMembers.docs, base]);
  const found = useSearch(candidates, searchSourceOf, query);

  const save = async ({ memberId }: LeaderFormValues) => {
    const member = candidates.find((candidate) => candidate.id === memberId);
    const problem = member ? leaderProblemCode(base, member) : 'deletedMember';
    const fail = (code: string) => new FieldProblemsError([{ name: 'memberId', errors: [t(`leaders.problems.${code}`, { name: member?.name ?? '' })] }]);
    if (!member || problem) throw fail(problem ?? 'deletedMember');
    const result = claimLeader(base, member, changeContext());
    if (!result.ok) throw fail(base.leaderMemberId === member.id ? 'alreadyLeader' : 'notPartyMember');
    await saveDoc('buildings', result.building, base);
  };

  const title = base.leaderMemberId ? t('leaders.changeTitle', { building: base.name }) : t('leaders.claimTitle', { building: base.name });
  return (
    <FormModal open title={title} form={form} initialValues={{}} onClose={onClose} save={save} testId="leader-form" saveTestId="leader-save">
      {leaderName !== undefined && <Alert type="info" showIcon title={t('leaders.currentLeader', { name: leaderName })} style={{ marginBottom: 16 }} />}
      {!partyMembers.loading && candidates.length === 0 && <Alert type="warning" showIcon title={t('leaders.noCandidates')} style={{ marginBottom: 16 }} />}
      <Form.Item name="memberId" label={t('leaders.member')} rules={[{ required: true, message: t('leaders.memberRequired') }]}>
        <Select<string>
          showSearch={{ filterOption: false, searchValue: query, onSearch: setQuery, autoClearSearchValue: true }}
          placeholder={t('leaders.memberPlaceholder')}
          loading={partyMembers.loading}
          options={found.map((member) => ({ value: member.id, label: member.name, member }))}
          optionRender={(option) => {
            const member = (option.data as { member: Member }).member;
            return (
              <Space data-testid={`leader-option-${member.id}`}>
                {member.name}
                {member.buildingId === base.id ? (
                  <Tag color="red">{t('leaders.sameBuilding')}</Tag>
                ) : (
                  member.compoundId === base.compoundId && <Tag>{t('leaders.sameCompound')}</Tag>
                )}
                {member.id === base.leaderMemberId && <Tag color="green">{t('leaders.isLeader')}</Tag>}
              </Space>
            );
          }}
          data-testid="leader-member"
        />
      </Form.Item>
    </FormModal>
  );
}
