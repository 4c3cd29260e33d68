// ID numbers and mobiles are personal information: lists show them masked (domain.md).
import { Typography } from 'antd';
import { maskIdNumber, maskMobile } from '@domain/identity';

interface MaskedTextProps {
  kind: 'idNumber' | 'mobile';
  value: string | undefined;
}

export function MaskedText({ kind, value }: MaskedTextProps) {
  if (value === undefined || value === '') return null;
  const masked = kind === 'idNumber' ? maskIdNumber(value) : maskMobile(value);
  return <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>{masked}</Typography.Text>;
}
