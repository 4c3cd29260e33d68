// Choosing an activity's participants among the members of the compound's community: found by name,
// pinyin or pinyin initials (`zs` finds 张三) or the last digits of a mobile; Party members and
// reported members come first. Only the first matches are offered, so a community of thousands
// stays quick; the chosen ones are always shown.
import { Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '@domain/collections';
import { compareText } from '../../lib/collate';
import type { SearchSource } from '../../lib/search';
import { useSearch } from '../../lib/useSearch';
import { participantOrder } from './activityRows';

const SHOWN = 50;
const memberSource = (member: Member): SearchSource => ({ personNames: [member.name], endings: [member.mobile] });

interface ParticipantPickerProps {
  members: readonly Member[];
  value?: string[];
  onChange?: (ids: string[]) => void;
  disabled?: boolean;
  placeholder?: string;
}

export function ParticipantPicker({ members, value, onChange, disabled, placeholder }: ParticipantPickerProps) {
  const { t } = useTranslation('activities');
  const [query, setQuery] = useState('');
  const ordered = useMemo(() => participantOrder(members, compareText), [members]);
  const found = useSearch(ordered, memberSource, query);
  const chosen = useMemo(() => value ?? [], [value]);
  const options = useMemo(() => {
    const byId = new Map(members.map((member) => [member.id, member]));
    const shown = found.slice(0, SHOWN);
    const shownIds = new Set(shown.map((member) => member.id));
    const label = (member: Member) => (
      <span data-testid={`activity-participant-${member.id}`}>
        {member.name}
        {member.isPartyMember && (
          <Tag color="red" style={{ marginInlineStart: 6 }}>
            {t('form.party')}
          </Tag>
        )}
        {member.category === 'inServiceReported' && <Tag color="gold">{t('form.reported')}</Tag>}
      </span>
    );
    return [
      ...shown.map((member) => ({ value: member.id, label: label(member), name: member.name })),
      ...chosen
        .filter((id) => !shownIds.has(id))
        .map((id) => {
          const member = byId.get(id);
          return { value: id, label: member ? label(member) : t('unknownMember'), name: member?.name ?? '' };
        }),
    ];
  }, [found, chosen, members, t]);
  return (
    <Select
      mode="multiple"
      value={chosen}
      onChange={(ids: string[]) => onChange?.(ids)}
      options={options}
      optionLabelProp="name"
      placeholder={placeholder}
      disabled={disabled}
      showSearch={{ filterOption: false, searchValue: query, onSearch: setQuery, autoClearSearchValue: true }}
      onSelect={() => setQuery('')}
      onBlur={() => setQuery('')}
      data-testid="activity-participants"
    />
  );
}
