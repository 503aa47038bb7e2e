import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useDocumentTitle, useT } from '../../i18n/i18n.tsx';

export function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  useDocumentTitle(t('notFound.title'));
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.body')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('notFound.home')}
        </Button>
      }
    />
  );
}
