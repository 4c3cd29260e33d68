// 经费补贴: the compound branches' working funds of a year (budget, spent, balance, and what was
// spent on), and the monthly post allowances of a community as a payroll sheet.
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { AllowancesTab } from './AllowancesTab';
import { BranchFundsTab } from './BranchFundsTab';

export function FundsPage() {
  const { t } = useTranslation('funds');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Tabs
        defaultActiveKey="branches"
        destroyOnHidden
        items={[
          { key: 'branches', label: <span data-testid="funds-branches">{t('tabs.branches')}</span>, children: <BranchFundsTab /> },
          { key: 'allowances', label: <span data-testid="funds-allowances">{t('tabs.allowances')}</span>, children: <AllowancesTab /> },
        ]}
      />
    </>
  );
}
