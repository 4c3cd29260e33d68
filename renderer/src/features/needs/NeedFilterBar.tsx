// The needs list's filters. Buildings and departments are staff's: a liaison holds neither.
import { Checkbox, Select } from 'antd';
import type { Building, Compound, Unit } from '@domain/collections';
import { needStates } from '@domain/schema/needs';
import { sortByName } from '../../lib/collate';
import type { NeedFilters } from './needRows';
import { useNeedTexts } from './useNeedTexts';

interface NeedFilterBarProps {
  filters: NeedFilters;
  onChange: (filters: NeedFilters) => void;
  compounds: readonly Compound[];
  buildings: readonly Building[];
  departments: readonly Unit[];
  staff: boolean;
}

export function NeedFilterBar({ filters, onChange, compounds, buildings, departments, staff }: NeedFilterBarProps) {
  const { t, stateName } = useNeedTexts();
  const buildingsOfCompound = filters.compoundId === undefined ? [] : buildings.filter((building) => building.compoundId === filters.compoundId);
  return (
    <>
      <Select
        value={filters.compoundId}
        onChange={(compoundId: string | undefined) => onChange({ ...filters, compoundId, buildingId: undefined })}
        options={sortByName(compounds).map((compound) => ({ value: compound.id, label: compound.name }))}
        placeholder={t('filters.compound')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 180 }}
        data-testid="needs-filter-compound"
      />
      {staff && (
        <Select
          value={filters.buildingId}
          onChange={(buildingId: string | undefined) => onChange({ ...filters, buildingId })}
          options={sortByName(buildingsOfCompound).map((building) => ({ value: building.id, label: building.name }))}
          placeholder={t('filters.building')}
          disabled={filters.compoundId === undefined}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 140 }}
          data-testid="needs-filter-building"
        />
      )}
      {staff && (
        <Select
          value={filters.departmentId}
          onChange={(departmentId: string | undefined) => onChange({ ...filters, departmentId })}
          options={sortByName(departments).map((unit) => ({ value: unit.id, label: unit.name }))}
          placeholder={t('filters.department')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          data-testid="needs-filter-department"
        />
      )}
      <Select
        mode="multiple"
        value={filters.states}
        onChange={(states: NeedFilters['states']) => onChange({ ...filters, states })}
        options={needStates.map((state) => ({ value: state, label: stateName(state) }))}
        placeholder={t('filters.state')}
        allowClear
        maxTagCount="responsive"
        style={{ minWidth: 160 }}
        data-testid="needs-filter-state"
      />
      <Checkbox checked={filters.overdueOnly} onChange={(event) => onChange({ ...filters, overdueOnly: event.target.checked })} data-testid="needs-filter-overdue">
        {t('filters.overdue')}
      </Checkbox>
    </>
  );
}
