import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Compound } from '@domain/collections';

/** The property company, or 无物业 (more than half of the compounds have none: domain.md §4). */
export function PropertyText({ compound }: { compound: Compound }) {
  const { t } = useTranslation('compounds');
  if (!compound.propertyManaged) return <Typography.Text type="secondary">{t('noProperty')}</Typography.Text>;
  return <>{compound.propertyCompany ?? t('managedNoName')}</>;
}
