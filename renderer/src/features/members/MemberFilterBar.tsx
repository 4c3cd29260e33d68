import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { memberCategories } from '@domain/schema/members';
import type { Community, Compound } from '@domain/collections';
import { CommunitySelect } from '../../components/CommunitySelect';
import { YesNoSelect } from '../../components/YesNoSelect';
import { sortByName } from '../../lib/collate';
import type { MemberFilters } from './memberRows';

interface MemberFilterBarProps {
  communities: readonly Community[];
  compounds: readonly Compound[];
  filters: MemberFilters;
  onChange: (filters: MemberFilters) => void;
}

export function MemberFilterBar({ communities, compounds, filters, onChange }: MemberFilterBarProps) {
  const { t } = useTranslation('members');
  const compoundOptions = sortByName(compounds.filter((compound) => filters.communityId === undefined || compound.communityId === filters.communityId)).map(
    (compound) => ({ value: compound.id, label: compound.name }),
  );
  return (
    <>
      {communities.length > 1 && (
        <CommunitySelect
          communities={communities}
          value={filters.communityId}
          // A compound of another community would leave the list empty for no visible reason.
          onChange={(communityId) => onChange({ ...filters, communityId, compoundId: undefined })}
          placeholder={t('filters.community')}
          allowClear
          style={{ width: 150 }}
          testId="member-filter-community"
        />
      )}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('filters.compound')}
        value={filters.compoundId}
        onChange={(compoundId: string | undefined) => onChange({ ...filters, compoundId })}
        options={compoundOptions}
        style={{ width: 170 }}
        data-testid="member-filter-compound"
      />
      <YesNoSelect
        value={filters.isPartyMember}
        onChange={(isPartyMember) => onChange({ ...filters, isPartyMember })}
        placeholder={t('filters.party')}
        yes={t('filters.partyYes')}
        no={t('filters.partyNo')}
        width={140}
        testId="member-filter-party"
      />
      <Select
        allowClear
        placeholder={t('filters.category')}
        value={filters.category}
        onChange={(category: MemberFilters['category']) => onChange({ ...filters, category })}
        options={memberCategories.map((category) => ({ value: category, label: t(`categories.${category}`) }))}
        style={{ width: 160 }}
        data-testid="member-filter-category"
      />
      <YesNoSelect
        value={filters.reported}
        onChange={(reported) => onChange({ ...filters, reported })}
        placeholder={t('filters.reported')}
        yes={t('filters.reportedYes')}
        no={t('filters.reportedNo')}
        width={120}
        testId="member-filter-reported"
      />
      <YesNoSelect
        value={filters.inGrid}
        onChange={(inGrid) => onChange({ ...filters, inGrid })}
        placeholder={t('filters.grid')}
        yes={t('filters.gridYes')}
        no={t('filters.gridNo')}
        width={130}
        testId="member-filter-grid"
      />
    </>
  );
}
