// Choosing people of one community for a grid's roles: found by name, pinyin or pinyin initials
// (typing `zs` finds 张三), or the last digits of a mobile. Only the first matches are offered, so a
// community of thousands stays quick; the chosen ones are always shown.
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import type { Member } from '@domain/collections';
import type { SearchSource } from '../../lib/search';
import { useSearch } from '../../lib/useSearch';

const SHOWN = 50;
const memberSource = (member: Member): SearchSource => ({ personNames: [member.name], endings: [member.mobile] });

interface MemberPickerProps {
  /** The members that may be chosen (those of the grid's community). */
  members: readonly Member[];
  /** Names of the chosen ones no longer among `members` (moved away, deleted): kept, marked. */
  unknownLabel: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  placeholder?: string;
  disabled?: boolean;
  testId?: string;
}

export function MemberPicker({ members, unknownLabel, value, onChange, placeholder, disabled, testId }: MemberPickerProps) {
  const [query, setQuery] = useState('');
  const found = useSearch(members, memberSource, query);
  const chosen = useMemo(() => value ?? [], [value]);
  const byId = useMemo(() => new Map(members.map((member) => [member.id, member])), [members]);
  const options = useMemo(() => {
    const shown = found.slice(0, SHOWN);
    const shownIds = new Set(shown.map((member) => member.id));
    return [
      ...shown.map((member) => ({ value: member.id, label: member.name })),
      ...chosen.filter((id) => !shownIds.has(id)).map((id) => ({ value: id, label: byId.get(id)?.name ?? unknownLabel })),
    ];
  }, [found, chosen, byId, unknownLabel]);
  return (
    <Select
      mode="multiple"
      value={chosen}
      onChange={(ids: string[]) => onChange?.(ids)}
      options={options}
      placeholder={placeholder}
      disabled={disabled}
      showSearch={{ filterOption: false, searchValue: query, onSearch: setQuery, autoClearSearchValue: true }}
      onSelect={() => setQuery('')}
      onBlur={() => setQuery('')}
      data-testid={testId}
    />
  );
}
