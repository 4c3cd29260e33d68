import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Community } from '@domain/collections';
import { unitKinds } from '@domain/schema/units';
import { CommunitySelect } from '../../components/CommunitySelect';
import type { UnitKind } from './unitDoc';
import type { UnitFilters } from './unitFilters';

interface UnitFilterBarProps {
  communities: readonly Community[];
  filters: UnitFilters;
  onChange: (filters: UnitFilters) => void;
}

export function UnitFilterBar({ communities, filters, onChange }: UnitFilterBarProps) {
  const { t } = useTranslation('units');
  return (
    <>
      <Select<UnitKind>
        allowClear
        placeholder={t('filters.kind')}
        value={filters.kind}
        onChange={(kind: UnitKind | undefined) => onChange({ ...filters, kind })}
        options={unitKinds.map((value) => ({ value, label: t(`kinds.${value}`) }))}
        style={{ width: 150 }}
        data-testid="unit-filter-kind"
      />
      {communities.length > 1 && (
        <CommunitySelect
          communities={communities}
          value={filters.communityId}
          onChange={(communityId) => onChange({ ...filters, communityId })}
          placeholder={t('filters.community')}
          allowClear
          style={{ width: 160 }}
          testId="unit-filter-community"
        />
      )}
    </>
  );
}
