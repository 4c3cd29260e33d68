// 街道设置: the street's own lists, one section each. For now the functional group types; later
// issues add their sections (working fund rates, star thresholds, need categories, ...).
import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDocs } from '../../db/hooks';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageState';
import { canEdit } from '../../lib/permissions';
import { useCurrentUser } from '../../session/useSession';
import { AssessmentCriteriaSection } from './AssessmentCriteriaSection';
import { FundRatesSection } from './FundRatesSection';
import { GroupTypesSection } from './GroupTypesSection';
import { NeedCategoriesSection } from './NeedCategoriesSection';
import { SecuritySection } from './SecuritySection';
import { StarThresholdsSection } from './StarThresholdsSection';

export function SettingsPage() {
  const { t } = useTranslation('settings');
  const user = useCurrentUser();
  const streets = useDocs('streets');
  const street = streets.docs.find((doc) => doc.id === user.streetId) ?? streets.docs[0];

  if (streets.loading) return <PageLoading />;
  const mayEdit = street !== undefined && user.role === 'street_admin' && canEdit(user, 'streets', street);
  return (
    <>
      <PageHeader title={t('title')} subtitle={street ? t('subtitle', { name: street.name }) : undefined} />
      {!street && <Alert type="warning" showIcon title={t('noStreet')} />}
      {street && !mayEdit && <Alert type="info" showIcon title={t('readOnly')} style={{ marginBottom: 16 }} />}
      {street && (
        <Flex vertical gap={16}>
          <GroupTypesSection street={street} mayEdit={mayEdit} />
          <NeedCategoriesSection street={street} mayEdit={mayEdit} />
          <FundRatesSection street={street} mayEdit={mayEdit} />
          <AssessmentCriteriaSection street={street} mayEdit={mayEdit} />
          <StarThresholdsSection street={street} mayEdit={mayEdit} />
          <SecuritySection street={street} mayEdit={mayEdit} />
        </Flex>
      )}
    </>
  );
}
