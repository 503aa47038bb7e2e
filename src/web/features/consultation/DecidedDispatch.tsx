import { Card, Typography } from 'antd';
import { useCallback } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useApi } from '../../lib/use-api.ts';
import type { CaseView } from '../cases/case-types.ts';
import { casesApi } from '../cases/cases-api.ts';
import { useCategories } from '../cases/use-categories.ts';
import { PlainTable } from '../org/PlainTable.tsx';
import { routingApi } from '../routing/routing-api.ts';
import { ruleCategoryText } from '../routing/routing-labels.ts';
import type { Rule } from '../routing/routing-types.ts';
import { ruleStatus } from '../routing/rules-model.ts';
import { DispatchButton } from './DispatchButton.tsx';

/**
 * For a centre dispatcher: the matters a consultation decided (the rules in force that a
 * meeting made, R7 — a township centre cannot read the district's sessions, but it reads
 * the catalogue), each with 一键派发待办案件 for the cases it holds that wait on it; and how
 * many of its cases still wait for the consultation.
 */
export function DecidedDispatch() {
  const { locale, t } = useI18n();
  const categories = useCategories();
  const loadRules = useCallback(
    () =>
      routingApi
        .rules({ limit: 1000 })
        .then((page) =>
          page.items.filter((rule) => rule.consultationItemId && ruleStatus(rule, Date.now()) !== 'ended'),
        ),
    [],
  );
  const rules = useApi<Rule[]>(loadRules);
  const loadWaiting = useCallback(
    () => casesApi.list({ state: 'in_consultation', limit: 200 }).then((page) => page.items),
    [],
  );
  const waiting = useApi<CaseView[]>(loadWaiting);

  return (
    <Card size="small" title={t('dispatch.title')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('dispatch.hint')}</Typography.Paragraph>
      {waiting.data && (
        <Typography.Paragraph aria-live="polite">
          {t('dispatch.waiting', { count: waiting.data.length })}
        </Typography.Paragraph>
      )}
      <ApiErrorAlert error={rules.error ?? waiting.error} onRetry={rules.reload} />
      <PlainTable<Rule>
        caption={t('dispatch.caption')}
        rows={rules.data ?? []}
        rowKey={(rule) => rule.id}
        loading={rules.loading && !rules.data}
        empty={t('dispatch.none')}
        columns={[
          {
            key: 'basis',
            title: t('dispatch.decision'),
            render: (rule) => <span style={{ overflowWrap: 'anywhere' }}>{rule.basis}</span>,
          },
          {
            key: 'category',
            title: t('rules.category'),
            render: (rule) => ruleCategoryText(t, rule, categories.byCode, locale),
          },
          { key: 'area', title: t('rules.area'), render: (rule) => rule.area.name },
          {
            key: 'lead',
            title: t('rules.lead'),
            render: (rule) => (
              <>
                <strong>{rule.lead.name}</strong>
                {rule.cooperating.length > 0 && <div>{rule.cooperating.map((u) => u.name).join('、')}</div>}
              </>
            ),
          },
          {
            key: 'dispatch',
            title: t('dispatch.action'),
            render: (rule) =>
              rule.consultationItemId ? (
                <DispatchButton
                  itemId={rule.consultationItemId}
                  label={rule.basis}
                  onDone={() => waiting.reload()}
                />
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
