// For a department liaison: how many needs came in or moved, by someone else, since it last looked
// at the needs list (issue 4: "new items stand out, with a count in the header"). Opening the list
// marks them looked at, and the count clears. Other roles see nothing here.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useArrivals, useDocs } from '../../db/hooks';
import { newNeedsCount } from '../../lib/needSummary';
import { paths } from '../../lib/paths';
import { useLastLooked } from '../../lib/needsSeen';
import { useCurrentUser } from '../../session/useSession';

export function NewNeedsBadge() {
  const user = useCurrentUser();
  // The live queries run only for a liaison: staff may hold thousands of needs and get no count.
  return user.role === 'department_liaison' ? <LiaisonNewNeeds userId={user.id} /> : null;
}

function LiaisonNewNeeds({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const needs = useDocs('needs');
  const arrivals = useArrivals('needs');
  const since = useLastLooked(userId);
  const count = useMemo(() => newNeedsCount(needs.docs, userId, since, arrivals), [needs.docs, userId, since, arrivals]);

  // Kept in the page with its count when 0 (hidden), so a test can read that nothing is new.
  return (
    <span data-testid="needs-new-count" data-count={count} hidden={count === 0}>
      <Tooltip title={t('header.newNeedsHint', { count })}>
        <Badge count={count} size="small" offset={[-4, 4]}>
          <Button size="small" type="text" icon={<BellOutlined />} onClick={() => void navigate(paths.needs)}>
            {t('header.newNeeds')}
          </Button>
        </Badge>
      </Tooltip>
    </span>
  );
}
