// 新建账号: username, name, role and what it covers, and an initial password the server checks
// (its Chinese problems appear under the fields they concern).
import { Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { roles, type AdminAccount, type Role } from '@domain/contract';
import { FormModal } from '../../components/FormModal';
import { FieldProblemsError } from '../../lib/form';
import { ApiError } from '../../sync/api';
import { formFieldsOf, generatePassword, scopeOfForm, type ScopeValues } from './accountRows';
import type { AdminApi } from './adminApi';
import { ScopeFields } from './ScopeFields';

interface AccountFormValues extends ScopeValues {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;
const FIELDS = ['username', 'displayName', 'role', 'password', 'communityIds', 'unitId'];

/** A refusal naming fields of this form is shown on them; anything else as the server said it. */
export function rethrowOnFields(error: unknown, fields: readonly string[]): never {
  if (error instanceof ApiError) {
    const problems = formFieldsOf(error.detail?.details, fields);
    if (problems.length > 0) throw new FieldProblemsError(problems);
  }
  throw error;
}

interface AccountFormModalProps {
  api: AdminApi;
  onClose: () => void;
  onCreated: (account: AdminAccount) => void;
}

export function AccountFormModal({ api, onClose, onCreated }: AccountFormModalProps) {
  const { t } = useTranslation('accounts');
  const [form] = Form.useForm<AccountFormValues>();
  const role = Form.useWatch('role', form);

  const save = async (values: AccountFormValues) => {
    try {
      const account = await api.createAccount({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        password: values.password,
        ...scopeOfForm(values.role, values),
      });
      onCreated(account);
    } catch (error) {
      rethrowOnFields(error, FIELDS);
    }
  };

  return (
    <FormModal
      open
      title={t('form.createTitle')}
      form={form}
      initialValues={{ role: 'community_staff', communityIds: [] }}
      onClose={onClose}
      save={save}
      testId="account-form"
      saveTestId="account-save"
    >
      <Form.Item
        name="username"
        label={t('form.username')}
        extra={t('form.usernameHint')}
        rules={[
          { required: true, whitespace: true, message: t('form.usernameRequired') },
          { pattern: USERNAME, message: t('form.usernameInvalid') },
        ]}
      >
        <Input maxLength={32} autoComplete="off" data-testid="account-username" />
      </Form.Item>
      <Form.Item name="displayName" label={t('form.displayName')} rules={[{ required: true, whitespace: true, message: t('form.displayNameRequired') }]}>
        <Input maxLength={50} data-testid="account-displayname" />
      </Form.Item>
      <Form.Item name="role" label={t('form.role')} rules={[{ required: true, message: t('form.roleRequired') }]}>
        <Select options={roles.map((value) => ({ value, label: t(`roles.${value}`) }))} data-testid="account-role" />
      </Form.Item>
      <ScopeFields role={role} />
      <Form.Item label={t('form.password')} extra={t('form.passwordHint')} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="password"
            noStyle
            rules={[
              { required: true, message: t('form.passwordRequired') },
              { min: 8, message: t('form.passwordShort') },
            ]}
          >
            <Input maxLength={128} autoComplete="new-password" data-testid="account-password" />
          </Form.Item>
          <Button onClick={() => form.setFieldsValue({ password: generatePassword() })} data-testid="account-password-generate">
            {t('form.generate')}
          </Button>
        </Space.Compact>
      </Form.Item>
    </FormModal>
  );
}
