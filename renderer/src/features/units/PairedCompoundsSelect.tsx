// A department's paired compounds (包抓小区): a multi-select grouped by community, searchable by
// name or pinyin; a compound another department already holds says so while choosing.
import { Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { choiceMatches, type CommunityGroup } from './compoundOptions';

interface PairedCompoundsSelectProps {
  groups: readonly CommunityGroup[];
  value?: string[];
  onChange?: (value: string[]) => void;
}

interface Option {
  value: string;
  label: string;
  communityName: string;
  alsoPairedWith: string[];
}

export function PairedCompoundsSelect({ groups, value, onChange }: PairedCompoundsSelectProps) {
  const { t } = useTranslation('units');
  const options = useMemo(
    () =>
      groups.map((group) => ({
        label: group.communityName,
        title: group.communityName,
        options: group.compounds.map(
          (choice): Option => ({ value: choice.value, label: choice.name, communityName: group.communityName, alsoPairedWith: choice.alsoPairedWith }),
        ),
      })),
    [groups],
  );

  return (
    <Select<string[]>
      mode="multiple"
      allowClear
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      placeholder={t('fields.pairedCompoundsPlaceholder')}
      showSearch={{
        filterOption: (input, option) => {
          const choice = option as Partial<Option> | undefined;
          return choice?.communityName !== undefined && choiceMatches(input, choice.label ?? '', choice.communityName);
        },
      }}
      optionRender={(option) => {
        const choice = option.data as Partial<Option>;
        return (
          <>
            {choice.label}
            {choice.alsoPairedWith !== undefined && choice.alsoPairedWith.length > 0 && (
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {t('fields.alsoPairedWith', { names: choice.alsoPairedWith.join('、') })}
              </Typography.Text>
            )}
          </>
        );
      }}
      data-testid="unit-paired-compounds"
    />
  );
}
