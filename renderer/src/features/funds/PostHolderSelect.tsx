// Choosing the person an allowance is for, among the community's members: found by name, pinyin or
// pinyin initials; people holding a governance post come first, with their posts shown. Only the
// first matches are offered, so a community of hundreds stays quick.
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import type { Member } from '@domain/collections';
import type { SearchSource } from '../../lib/search';
import { useSearch } from '../../lib/useSearch';

const SHOWN = 50;
const memberSource = (member: Member): SearchSource => ({ personNames: [member.name], endings: [member.mobile] });

interface PostHolderSelectProps {
  /** The community's members, those holding posts first. */
  members: readonly Member[];
  /** What each person does, e.g. 幸福花园党支部书记, by member id. */
  postsOf: (memberId: string) => string | undefined;
  unknownLabel: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  testId?: string;
}

export function PostHolderSelect({ members, postsOf, unknownLabel, value, onChange, placeholder, testId }: PostHolderSelectProps) {
  const [query, setQuery] = useState('');
  const found = useSearch(members, memberSource, query);
  const options = useMemo(() => {
    const label = (member: Member) => {
      const posts = postsOf(member.id);
      return posts ? `${member.name}（${posts}）` : member.name;
    };
    const shown = found.slice(0, SHOWN).map((member) => ({ value: member.id, label: label(member) }));
    if (value !== undefined && !shown.some((option) => option.value === value)) {
      const chosen = members.find((member) => member.id === value);
      shown.push({ value, label: chosen ? label(chosen) : unknownLabel });
    }
    return shown;
  }, [found, members, postsOf, value, unknownLabel]);
  return (
    <Select
      value={value}
      onChange={(id: string | undefined) => onChange?.(id)}
      options={options}
      placeholder={placeholder}
      allowClear
      showSearch={{ filterOption: false, searchValue: query, onSearch: setQuery }}
      onSelect={() => setQuery('')}
      onBlur={() => setQuery('')}
      data-testid={testId}
    />
  );
}
