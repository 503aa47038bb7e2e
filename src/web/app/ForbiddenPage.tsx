import { Result } from 'antd';
import { useDocumentTitle, useT } from '../i18n/i18n.tsx';

export function ForbiddenPage() {
  const t = useT();
  useDocumentTitle(t('forbidden.title'));
  return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.body')} />;
}
