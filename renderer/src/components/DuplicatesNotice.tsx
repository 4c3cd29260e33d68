// A small notice on member lists when the same ID number was entered twice (on two devices while
// offline, typically), leading to the page where the records are merged.
import { Alert } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { findDuplicateGroups } from '@domain/duplicates';
import { useDocs } from '../db/hooks';
import { canEdit } from '../lib/permissions';
import { useCurrentUser } from '../session/useSession';
import { paths } from '../lib/paths';

export function DuplicatesNotice() {
  const { t } = useTranslation('duplicates');
  const user = useCurrentUser();
  const members = useDocs('members');
  const count = useMemo(
    () => findDuplicateGroups(members.docs).filter((group) => group.members.some((member) => canEdit(user, 'members', member))).length,
    [members.docs, user],
  );
  if (count === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('duplicates:notice', { count })}
      action={<Link to={paths.duplicates}>{t('duplicates:noticeLink')}</Link>}
      data-testid="duplicates-notice"
    />
  );
}
