import { Alert, Card, Empty, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { visibleNavItems } from '../../app/nav.ts';
import { useDocumentTitle, useT } from '../../i18n/i18n.tsx';
import { roleLabel } from '../../i18n/translate.ts';
import { useMe } from '../../session/session.tsx';

/**
 * Until the role workbenches exist this page says so plainly: it shows who the user is
 * and what they hold, and links to what they can already use. No sample figures.
 */
export function HomePage() {
  const t = useT();
  const me = useMe();
  useDocumentTitle(t('nav.home'));
  const shortcuts = visibleNavItems(me.actions).filter((item) => item.path !== '/');

  return (
    <div style={{ maxWidth: 960 }}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('home.greeting', { name: me.displayName })}
      </Typography.Title>
      {me.orgUnit && (
        <Typography.Paragraph type="secondary">
          {t('home.orgUnit', { name: me.orgUnit.name })}
        </Typography.Paragraph>
      )}

      <Card title={t('home.roles')} style={{ marginBottom: 16 }}>
        {me.roles.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noRoles')} />
        ) : (
          <ul style={{ margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: 8 }}>
            {me.roles.map((grant) => (
              <li key={`${grant.role}@${grant.orgUnitId}`}>
                <Tag color="blue">{roleLabel(t, grant.role)}</Tag>
                <Typography.Text>{grant.orgUnitName}</Typography.Text>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Alert type="info" showIcon title={t('home.workbenchLater')} style={{ marginBottom: 16 }} />

      {shortcuts.length > 0 && (
        <Card title={t('home.shortcuts')}>
          <ul style={{ margin: 0, paddingInlineStart: 20, display: 'grid', gap: 8 }}>
            {shortcuts.map((item) => (
              <li key={item.path}>
                <Link to={item.path}>{t(item.label)}</Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
