import { useTranslation } from 'react-i18next';
import type { Community } from '@domain/collections';
import { CommunitySelect } from '../../components/CommunitySelect';
import { YesNoSelect } from '../../components/YesNoSelect';
import type { CompoundFilters } from './compoundFilters';

interface CompoundFilterBarProps {
  communities: readonly Community[];
  filters: CompoundFilters;
  onChange: (filters: CompoundFilters) => void;
}

export function CompoundFilterBar({ communities, filters, onChange }: CompoundFilterBarProps) {
  const { t } = useTranslation('compounds');
  return (
    <>
      {communities.length > 1 && (
        <CommunitySelect
          communities={communities}
          value={filters.communityId}
          onChange={(communityId) => onChange({ ...filters, communityId })}
          placeholder={t('filters.community')}
          allowClear
          style={{ width: 160 }}
          testId="compound-filter-community"
        />
      )}
      <YesNoSelect
        value={filters.pilot}
        onChange={(pilot) => onChange({ ...filters, pilot })}
        placeholder={t('filters.pilot')}
        yes={t('filters.pilotYes')}
        no={t('filters.pilotNo')}
        testId="compound-filter-pilot"
      />
      <YesNoSelect
        value={filters.propertyManaged}
        onChange={(propertyManaged) => onChange({ ...filters, propertyManaged })}
        placeholder={t('filters.property')}
        yes={t('filters.propertyYes')}
        no={t('filters.propertyNo')}
        testId="compound-filter-property"
      />
    </>
  );
}
