// 调整范围: the communities of a staff account or the department of a liaison. The server keeps
// the role; a narrowed scope removes what fell outside it from the person's devices at their next sync.
import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminAccount } from '@domain/contract';
import { FormModal } from '../../components/FormModal';
import { scopeOfForm, type ScopeValues } from './accountRows';
import { rethrowOnFields } from './AccountFormModal';
import type { AdminApi } from './adminApi';
import { ScopeFields } from './ScopeFields';

interface ScopeFormModalProps {
  api: AdminApi;
  account: AdminAccount;
  onClose: () => void;
  onSaved: (account: AdminAccount) => void;
}

export function ScopeFormModal({ api, account, onClose, onSaved }: ScopeFormModalProps) {
  const { t } = useTranslation('accounts');
  const [form] = Form.useForm<ScopeValues>();

  const save = async (values: ScopeValues) => {
    try {
      onSaved(await api.changeScope(account.id, scopeOfForm(account.role, values)));
    } catch (error) {
      rethrowOnFields(error, ['communityIds', 'unitId']);
    }
  };

  return (
    <FormModal
      open
      title={t('form.scopeTitle', { name: account.displayName })}
      form={form}
      initialValues={{ communityIds: account.communityIds, unitId: account.unitId }}
      onClose={onClose}
      save={save}
      testId="account-scope-form"
      saveTestId="account-scope-save"
    >
      <Alert type="info" showIcon title={t('form.scopeHint')} style={{ marginBottom: 16 }} />
      <ScopeFields role={account.role} />
    </FormModal>
  );
}
