// What a detail page shows while its document loads, or when it is not there (deleted meanwhile,
// or outside the person's scope).
import { Button, Flex, Result, Spin } from 'antd';
import { Link } from 'react-router';
import { useComponentsText } from './useComponentsText';

export function PageLoading() {
  const t = useComponentsText();
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin description={t('loading')} />
    </Flex>
  );
}

export function PageNotFound({ backTo }: { backTo: string }) {
  const t = useComponentsText();
  return (
    <Result
      status="404"
      subTitle={t('notFound')}
      extra={
        <Link to={backTo}>
          <Button type="primary">{t('back')}</Button>
        </Link>
      }
    />
  );
}
