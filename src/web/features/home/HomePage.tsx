import { Badge, Button, Empty, Flex, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { visibleNavItems } from '../../app/nav.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { roleLabel } from '../../i18n/translate.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { type ApiError, asApiError, requestJson } from '../../lib/api.ts';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { useMe } from '../../session/session.tsx';
import { casesApi } from '../cases/cases-api.ts';
import { ruleLabel } from '../cases/clocks.ts';
import { Panel } from '../cases/Panel.tsx';
import { approveAction, dutySubject, quickActions, URGENCY_COLOUR } from './workbench-model.ts';
import type { Workbench } from './workbench-types.ts';

/** How often the to-do list is read again while the page is open. */
const REFRESH_MS = 60_000;

/**
 * 工作台: every role's home. On top, the role's main buttons (raise a call for grid staff,
 * the queue for approvers, dispatchers and handlers, the dashboard for leaders…); then
 * what my units owe now, overdue first (GET /api/workbench); then my roles and every page
 * I may open. Phone first: the buttons and the list stack at 360 px.
 */
export function HomePage() {
  const { t, locale } = useI18n();
  const me = useMe();
  useDocumentTitle(t('nav.home'));
  const load = useCallback(() => requestJson<Workbench>('GET', '/api/workbench'), []);
  const { data, error, loading, reload } = useApi(load);
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const roles = me.roles.map((g) => g.role);
  const quick = quickActions(me.actions, roles);
  const shortcuts = visibleNavItems(me.actions).filter((item) => item.path !== '/');

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1080 }}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('home.greeting', { name: me.displayName })}
        </Typography.Title>
        {me.orgUnit && (
          <Typography.Text type="secondary">{t('home.orgUnit', { name: me.orgUnit.name })}</Typography.Text>
        )}
      </div>

      {quick.length > 0 && (
        <Flex wrap gap={12} data-testid="quick-actions">
          {quick.map((action) => (
            <Link key={action.path} to={action.path}>
              <Button type={action.primary ? 'primary' : 'default'} size="large">
                {t(action.label)}
              </Button>
            </Link>
          ))}
        </Flex>
      )}

      <Panel
        title={t('home.todo')}
        titleId="home-todo"
        extra={
          data && (
            <Flex gap={12} wrap>
              <Badge color="red" text={t('home.count.overdue', { n: data.counts.overdue })} />
              <Badge color="orange" text={t('home.count.dueSoon', { n: data.counts.dueSoon })} />
              <Badge color="blue" text={t('home.count.running', { n: data.counts.running })} />
            </Flex>
          )
        }
      >
        <div data-testid="todo">
          {error && <ApiErrorAlert error={error} />}
          {actionError && <ApiErrorAlert error={actionError} />}
          {data && data.duties.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.todoNone')} />
          )}
          {!data && loading && <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>}
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {data?.duties.map((duty) => (
              <li
                key={duty.id}
                style={{
                  display: 'flex',
                  flexWrap: 'wrap',
                  alignItems: 'center',
                  gap: 8,
                  padding: '10px 0',
                  borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
                }}
              >
                <Flex vertical gap={2} style={{ flex: '1 1 240px', minWidth: 0 }}>
                  <Flex wrap gap={8} align="center">
                    <Tag color={URGENCY_COLOUR[duty.urgency]}>
                      {t(`home.urgency.${duty.urgency}` as MessageKey)}
                    </Tag>
                    <Typography.Text strong>{ruleLabel(t, duty.ruleId)}</Typography.Text>
                    <Typography.Text>{dutySubject(duty, locale)}</Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary">
                    {t('home.dutyLine', { unit: duty.unit.name, due: formatShanghai(duty.dueAt) })}
                  </Typography.Text>
                </Flex>
                <Flex gap={12} align="center">
                  {duty.ruleId === 'C4' && duty.case && (
                    <ApproveButton caseId={duty.case.id} onDone={reload} onError={setActionError} />
                  )}
                  {duty.link && <Link to={duty.link}>{t('home.open')}</Link>}
                </Flex>
              </li>
            ))}
          </ul>
        </div>
      </Panel>

      <Panel title={t('home.roles')} titleId="home-roles">
        {me.roles.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noRoles')} />
        ) : (
          <Flex wrap gap={8}>
            {me.roles.map((grant) => (
              <span key={`${grant.role}@${grant.orgUnitId}`}>
                <Tag color="blue">{roleLabel(t, grant.role)}</Tag>
                <Typography.Text>{grant.orgUnitName}</Typography.Text>
              </span>
            ))}
          </Flex>
        )}
      </Panel>

      {shortcuts.length > 0 && (
        <Panel title={t('home.shortcuts')} titleId="home-shortcuts">
          <Flex wrap gap={16}>
            {shortcuts.map((item) => (
              <Link key={item.path} to={item.path}>
                {t(item.label)}
              </Link>
            ))}
          </Flex>
        </Panel>
      )}
    </Flex>
  );
}

/**
 * C4: approve a call in one tap — reads the case for its version and the steps allowed
 * now, takes the approve step with If-Match (a stale version is 412, shown as an error),
 * or opens the case when approving is not the next step. Sending back and solving here
 * need a reason or feedback: they are on the case page.
 */
function ApproveButton({
  caseId,
  onDone,
  onError,
}: {
  caseId: string;
  onDone(): void;
  onError(error: ApiError | null): void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const approve = async () => {
    setBusy(true);
    onError(null);
    try {
      const detail = await casesApi.get(caseId);
      const action = approveAction(detail.actions);
      if (!action) {
        navigate(`/cases/${encodeURIComponent(caseId)}`);
        return;
      }
      await casesApi.act(caseId, action, detail.case.version, {});
      onDone();
    } catch (reason) {
      onError(asApiError(reason));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type="primary" size="small" loading={busy} onClick={() => void approve()}>
      {t('home.approve')}
    </Button>
  );
}
