// What an account covers, chosen by role: communities for community staff, the paired department
// for a liaison, nothing for a street admin (the whole street).
import { Alert, Form, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@domain/contract';
import { useDocs } from '../../db/hooks';
import { sortByName } from '../../lib/collate';

export function ScopeFields({ role }: { role: Role | undefined }) {
  const { t } = useTranslation('accounts');
  const communities = useDocs('communities');
  const units = useDocs('units');
  const communityOptions = useMemo(() => sortByName(communities.docs).map((doc) => ({ value: doc.id, label: doc.name })), [communities.docs]);
  const departmentOptions = useMemo(
    () => sortByName(units.docs.filter((unit) => unit.kind === 'department')).map((doc) => ({ value: doc.id, label: doc.name })),
    [units.docs],
  );

  if (role === 'community_staff') {
    return (
      <Form.Item name="communityIds" label={t('form.communities')} rules={[{ required: true, type: 'array', min: 1, message: t('form.communitiesRequired') }]}>
        <Select mode="multiple" options={communityOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="account-communities" />
      </Form.Item>
    );
  }
  if (role === 'department_liaison') {
    return (
      <>
        {!units.loading && departmentOptions.length === 0 && <Alert type="warning" showIcon title={t('form.noDepartments')} style={{ marginBottom: 16 }} />}
        <Form.Item name="unitId" label={t('form.unit')} rules={[{ required: true, message: t('form.unitRequired') }]}>
          <Select options={departmentOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="account-unit" />
        </Form.Item>
      </>
    );
  }
  if (role === 'street_admin') return <Alert type="info" showIcon title={t('form.adminScope')} style={{ marginBottom: 16 }} />;
  return null;
}
