// A form control choosing one community by name, in pinyin order; `communities` is already
// narrowed to the ones the person may use (see `writableCommunities`).
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import type { Community } from '@domain/collections';
import { sortByName } from '../lib/collate';
import { useComponentsText } from './useComponentsText';

interface CommunitySelectProps {
  communities: readonly Community[];
  value?: string | undefined;
  onChange?: (communityId: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  testId?: string;
  style?: CSSProperties;
}

export function CommunitySelect({ communities, value, onChange, placeholder, allowClear, disabled, testId, style }: CommunitySelectProps) {
  const t = useComponentsText();
  const options = sortByName(communities).map((community) => ({ value: community.id, label: community.name }));
  return (
    <Select
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      options={options}
      placeholder={placeholder ?? t('selectCommunity')}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={testId}
      style={style}
    />
  );
}
