// A yes/no filter as a select whose empty value means "either".
import { Select } from 'antd';

interface YesNoSelectProps {
  value: boolean | undefined;
  onChange: (value: boolean | undefined) => void;
  placeholder: string;
  yes: string;
  no: string;
  testId?: string;
  width?: number;
}

export function YesNoSelect({ value, onChange, placeholder, yes, no, testId, width = 140 }: YesNoSelectProps) {
  return (
    <Select<'yes' | 'no'>
      allowClear
      placeholder={placeholder}
      value={value === undefined ? undefined : value ? 'yes' : 'no'}
      onChange={(next: 'yes' | 'no' | undefined) => onChange(next === undefined ? undefined : next === 'yes')}
      options={[
        { value: 'yes', label: yes },
        { value: 'no', label: no },
      ]}
      style={{ width }}
      data-testid={testId}
    />
  );
}
