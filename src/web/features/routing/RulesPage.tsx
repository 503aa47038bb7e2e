import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Select, Space, Tag, Typography, theme } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { useApi } from '../../lib/use-api.ts';
import { useSearchFlag } from '../../lib/use-search-flag.ts';
import { can, useMe } from '../../session/session.tsx';
import { categoryName } from '../cases/case-labels.ts';
import { type PlainColumn, PlainTable } from '../org/PlainTable.tsx';
import { routingApi, rulesXlsxUrl } from './routing-api.ts';
import { principleLabel, ruleCategoryText, validityText } from './routing-labels.ts';
import type { Rule } from './routing-types.ts';
import { FALLBACK_FILTER, filterRules, qualityLevel, type RuleStatus, ruleStatus } from './rules-model.ts';
import { SuggestBox } from './SuggestBox.tsx';
import { useAllCategories } from './use-all-categories.ts';

// The form (Form, Modal, unit search) and the import (Upload) load only for those who edit.
const RuleFormModal = lazy(() => import('./RuleFormModal.tsx').then((m) => ({ default: m.RuleFormModal })));
const RulesImport = lazy(() => import('./RulesImport.tsx').then((m) => ({ default: m.RulesImport })));

const STATUS_COLOURS: Record<RuleStatus, string> = { current: 'green', future: 'blue', ended: 'default' };
const LIMIT = 1000;

/**
 * 权责清单 (R1, C7): the responsibility rules of the reader's scope — category, area, lead
 * and cooperating units, principle, basis, validity, fallback rules — with each rule's
 * routing quality (dispatches, followed, agreed returns; many returns show in warning
 * colours). Filters by category (a 大类 takes its 小类) and area. With routing.manage: a
 * new rule, or one that replaces a rule (409 RULE_OVERLAP offers that), and the .xlsx
 * import; everyone may export the catalogue and try the suggestion for a case.
 */
export function RulesPage() {
  const { locale, t } = useI18n();
  const me = useMe();
  const { token } = theme.useToken();
  useDocumentTitle(t('nav.routingRules'));
  const mayManage = can(me, 'routing.manage');
  const load = useCallback(() => routingApi.rules({ limit: LIMIT }).then((page) => page.items), []);
  const rules = useApi<Rule[]>(load);
  const categories = useAllCategories();
  // The filters sit in the address (?category=&area=&ended=1), so a view can be shared.
  const [params, setParams] = useSearchParams();
  const category = params.get('category') ?? '';
  const areaUnitId = params.get('area') ?? '';
  const [showEnded, setShowEnded] = useSearchFlag('ended');
  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const setCategory = (value: string) => setParam('category', value || null);
  const setAreaUnitId = (value: string) => setParam('area', value || null);
  /** The form: open for a new rule (null) or to replace a rule. */
  const [form, setForm] = useState<{ replacing: Rule | null } | null>(null);
  const now = Date.now();

  const areas = useMemo(() => {
    const seen = new Map<string, string>();
    for (const rule of rules.data ?? []) seen.set(rule.area.id, `${rule.area.name}（${rule.area.code}）`);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [rules.data]);
  const categoryFilterOptions = useMemo(() => {
    const items = categories.data ?? [];
    const branches = items.filter((item) => item.parentCode === null);
    return [
      { value: '', label: t('rules.all') },
      { value: FALLBACK_FILTER, label: t('rules.fallbackOnly') },
      ...branches.map((branch) => ({
        label: categoryName(branch, locale),
        title: categoryName(branch, locale),
        options: [
          { value: branch.code, label: t('ruleForm.categoryAll', { name: categoryName(branch, locale) }) },
          ...items
            .filter((item) => item.parentCode === branch.code)
            .map((item) => ({ value: item.code, label: categoryName(item, locale) })),
        ],
      })),
    ];
  }, [categories.data, locale, t]);

  const shown = filterRules(rules.data ?? [], { category, areaUnitId, showEnded }, now);

  const columns: PlainColumn<Rule>[] = [
    {
      key: 'category',
      title: t('rules.category'),
      render: (rule) => (
        <>
          {rule.fallback ? (
            <Tag color="purple">{t('rules.fallbackTag')}</Tag>
          ) : (
            ruleCategoryText(t, rule, categories.byCode, locale)
          )}
          {rule.consultationItemId && (
            <div>
              <Tag color="geekblue">{t('rules.fromConsultation')}</Tag>
            </div>
          )}
        </>
      ),
    },
    { key: 'area', title: t('rules.area'), render: (rule) => rule.area.name },
    { key: 'lead', title: t('rules.lead'), render: (rule) => <strong>{rule.lead.name}</strong> },
    {
      key: 'cooperating',
      title: t('rules.cooperating'),
      render: (rule) => rule.cooperating.map((unit) => unit.name).join('、') || '—',
    },
    {
      key: 'principle',
      title: t('rules.principle'),
      nowrap: true,
      render: (rule) => principleLabel(t, rule.principle),
    },
    {
      key: 'basis',
      title: t('rules.basis'),
      render: (rule) => <span style={{ overflowWrap: 'anywhere' }}>{rule.basis}</span>,
    },
    {
      key: 'validity',
      title: t('rules.validity'),
      render: (rule) => {
        const status = ruleStatus(rule, now);
        return (
          <>
            <Tag color={STATUS_COLOURS[status]}>{t(`rules.status.${status}`)}</Tag>
            <div style={{ fontSize: 12, color: token.colorTextSecondary }}>{validityText(t, rule)}</div>
          </>
        );
      },
    },
    {
      key: 'quality',
      title: t('rules.quality'),
      render: (rule) => {
        const level = qualityLevel(rule.quality);
        if (level === 'none')
          return <Typography.Text type="secondary">{t('rules.qualityNone')}</Typography.Text>;
        const colour =
          level === 'bad' ? token.colorError : level === 'warn' ? token.colorWarning : token.colorText;
        return (
          <span data-quality={level} style={{ color: colour }}>
            {t('rules.qualityText', { ...rule.quality })}
            {level !== 'good' && (
              <div>
                <Tag color={level === 'bad' ? 'error' : 'warning'}>{t(`rules.quality.${level}`)}</Tag>
              </div>
            )}
          </span>
        );
      },
    },
    ...(mayManage
      ? [
          {
            key: 'actions',
            title: t('rules.actions'),
            nowrap: true,
            render: (rule: Rule) =>
              ruleStatus(rule, now) === 'ended' ? null : (
                <Button
                  size="small"
                  onClick={() => setForm({ replacing: rule })}
                  aria-label={t('rules.replaceAria', {
                    category: ruleCategoryText(t, rule, categories.byCode, locale),
                    area: rule.area.name,
                  })}
                >
                  {t('rules.replace')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <div style={{ maxWidth: 1400 }}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('nav.routingRules')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        {mayManage && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setForm({ replacing: null })}
          >
            {t('rules.add')}
          </Button>
        )}
        <Button
          href={rulesXlsxUrl({
            category: category === FALLBACK_FILTER ? 'fallback' : category || undefined,
            area: areaUnitId || undefined,
          })}
          download
          icon={<DownloadOutlined aria-hidden />}
          title={t('rulesList.exportHint')}
        >
          {t('rules.export')}
        </Button>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={rules.reload} loading={rules.loading}>
          {t('common.refresh')}
        </Button>
      </Space>
      {mayManage && (
        <Suspense fallback={null}>
          <RulesImport onImported={rules.reload} />
        </Suspense>
      )}
      <ApiErrorAlert error={rules.error ?? categories.error} onRetry={rules.reload} />

      <Card size="small" title={t('rules.listTitle')} style={{ marginBottom: 16 }}>
        <Space wrap align="end" style={{ marginBottom: 12 }}>
          <div style={{ display: 'grid', gap: 4 }}>
            <label htmlFor="rules-category">{t('rules.filterCategory')}</label>
            <Select
              id="rules-category"
              value={category}
              onChange={setCategory}
              options={categoryFilterOptions}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 240 }}
            />
          </div>
          <div style={{ display: 'grid', gap: 4 }}>
            <label htmlFor="rules-area">{t('rules.filterArea')}</label>
            <Select
              id="rules-area"
              value={areaUnitId}
              onChange={setAreaUnitId}
              options={[{ value: '', label: t('rules.all') }, ...areas]}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 240 }}
            />
          </div>
          <Checkbox checked={showEnded} onChange={(event) => setShowEnded(event.target.checked)}>
            {t('rules.showEnded')}
          </Checkbox>
          <Typography.Text type="secondary" aria-live="polite">
            {t('rules.count', { count: shown.length })}
          </Typography.Text>
        </Space>
        <PlainTable<Rule>
          caption={t('rules.caption')}
          columns={columns}
          rows={shown}
          rowKey={(rule) => rule.id}
          empty={t('rules.empty')}
          loading={rules.loading && !rules.data}
        />
      </Card>

      <SuggestBox categories={categories.data ?? []} />

      {form && (
        <Suspense fallback={null}>
          <RuleFormModal
            replacing={form.replacing}
            categories={categories.data ?? []}
            byCode={categories.byCode}
            onClose={() => setForm(null)}
            onSaved={() => {
              setForm(null);
              rules.reload();
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
