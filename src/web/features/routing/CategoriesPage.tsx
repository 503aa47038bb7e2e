import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { localizedMessage } from '../../i18n/translate.ts';
import { type ApiError, asApiError } from '../../lib/api.ts';
import { useSearchFlag } from '../../lib/use-search-flag.ts';
import { categoryName, slaLabel } from '../cases/case-labels.ts';
import type { Category } from '../cases/case-types.ts';
import { PlainTable } from '../org/PlainTable.tsx';
import type { CategoryFormMode } from './CategoryFormModal.tsx';
import { categoryTree } from './category-model.ts';
import { routingApi } from './routing-api.ts';
import { useAllCategories } from './use-all-categories.ts';

const CategoryFormModal = lazy(() =>
  import('./CategoryFormModal.tsx').then((m) => ({ default: m.CategoryFormModal })),
);

type Step = 'retire' | 'restore' | 'delete';

/**
 * 事项类别 (C2, category.manage): the catalogue as 大类 with their 小类 — names in both
 * languages, code, SLA class, keywords, retired state. Add a 大类 or a 小类, change one,
 * retire and restore (a 大类 after its 小类), delete what nothing names; a refusal such as
 * 409 CATEGORY_IN_USE is said in words and the entry stays.
 */
export function CategoriesPage() {
  const { locale, t } = useI18n();
  const { message, modal } = useFeedback();
  useDocumentTitle(t('nav.routingCategories'));
  const categories = useAllCategories();
  // Retired categories shown or not sits in the address (?retired=1), like the other lists.
  const [showRetired, setShowRetired] = useSearchFlag('retired');
  const [form, setForm] = useState<CategoryFormMode | null>(null);
  const [failure, setFailure] = useState<{ name: string; error: ApiError } | null>(null);
  const tree = useMemo(
    () => categoryTree(categories.data ?? [], showRetired),
    [categories.data, showRetired],
  );

  const run = async (step: Step, category: Category) => {
    const name = categoryName(category, locale);
    setFailure(null);
    try {
      if (step === 'retire') await routingApi.retireCategory(category.code);
      else if (step === 'restore') await routingApi.restoreCategory(category.code);
      else await routingApi.deleteCategory(category.code);
      message.success(t(`categories.${step}Done`, { name }));
      categories.reload();
    } catch (caught) {
      setFailure({ name, error: asApiError(caught) });
    }
  };

  const confirm = (step: Step, category: Category) => {
    const name = categoryName(category, locale);
    if (step === 'restore') {
      void run(step, category);
      return;
    }
    modal.confirm({
      title: t(`categories.${step}Confirm`, { name }),
      content: t(`categories.${step}Body`),
      okText: t(`categories.${step}`),
      okButtonProps: { danger: step === 'delete' },
      cancelText: t('common.cancel'),
      onOk: () => run(step, category),
    });
  };

  const buttons = (category: Category) => {
    const name = categoryName(category, locale);
    return (
      <Space wrap size={4}>
        <Button
          size="small"
          onClick={() => setForm({ kind: 'edit', category })}
          aria-label={t('categories.editAria', { name })}
        >
          {t('categories.edit')}
        </Button>
        {category.retiredAt ? (
          <Button
            size="small"
            onClick={() => confirm('restore', category)}
            aria-label={t('categories.restoreAria', { name })}
          >
            {t('categories.restore')}
          </Button>
        ) : (
          <Button
            size="small"
            onClick={() => confirm('retire', category)}
            aria-label={t('categories.retireAria', { name })}
          >
            {t('categories.retire')}
          </Button>
        )}
        <Button
          size="small"
          danger
          onClick={() => confirm('delete', category)}
          aria-label={t('categories.deleteAria', { name })}
        >
          {t('common.delete')}
        </Button>
      </Space>
    );
  };

  return (
    <div style={{ maxWidth: 1200 }}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('nav.routingCategories')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('categories.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setForm({ kind: 'add', parent: null })}
        >
          {t('categories.addBranch')}
        </Button>
        <Button
          icon={<ReloadOutlined aria-hidden />}
          onClick={categories.reload}
          loading={categories.loading}
        >
          {t('common.refresh')}
        </Button>
        <Checkbox checked={showRetired} onChange={(event) => setShowRetired(event.target.checked)}>
          {t('categories.showRetired')}
        </Checkbox>
        <Button
          href={showRetired ? '/api/categories.xlsx?retired=true' : '/api/categories.xlsx'}
          download
          icon={<DownloadOutlined aria-hidden />}
          title={t('list.exportHint')}
        >
          {t('list.export')}
        </Button>
      </Space>
      <ApiErrorAlert error={categories.error} onRetry={categories.reload} />
      <div aria-live="polite">
        {failure && (
          <Alert
            type="error"
            showIcon
            closable={{ 'aria-label': t('common.close') }}
            onClose={() => setFailure(null)}
            style={{ marginBottom: 16 }}
            title={t('categories.failed', { name: failure.name })}
            description={
              <>
                {localizedMessage(locale, failure.error)}
                {failure.error.code === 'CATEGORY_IN_USE' && ` ${t('categories.inUseHint')}`}
              </>
            }
          />
        )}
      </div>
      {categories.loading && !categories.data && (
        <Typography.Paragraph>{t('app.loading')}</Typography.Paragraph>
      )}
      <div style={{ display: 'grid', gap: 16 }}>
        {tree.map(({ branch, leaves }) => {
          const name = categoryName(branch, locale);
          return (
            <Card
              key={branch.code}
              size="small"
              data-category={branch.code}
              title={
                <Space wrap>
                  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
                    {name}
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    {locale === 'en' ? branch.nameZh : branch.nameEn} · <code>{branch.code}</code>
                  </Typography.Text>
                  {branch.retiredAt && <Tag>{t('categories.retired')}</Tag>}
                </Space>
              }
              extra={
                <Space wrap size={4}>
                  {!branch.retiredAt && (
                    <Button
                      size="small"
                      icon={<PlusOutlined aria-hidden />}
                      onClick={() => setForm({ kind: 'add', parent: branch })}
                      aria-label={t('categories.addLeafAria', { name })}
                    >
                      {t('categories.addLeaf')}
                    </Button>
                  )}
                  {buttons(branch)}
                </Space>
              }
            >
              <PlainTable<Category>
                caption={t('categories.leavesOf', { name })}
                rows={leaves}
                rowKey={(leaf) => leaf.code}
                empty={t('categories.noLeaves')}
                columns={[
                  {
                    key: 'name',
                    title: t('categories.name'),
                    render: (leaf) => (
                      <>
                        <strong>{categoryName(leaf, locale)}</strong>
                        <div style={{ fontSize: 12 }}>{locale === 'en' ? leaf.nameZh : leaf.nameEn}</div>
                      </>
                    ),
                  },
                  {
                    key: 'code',
                    title: t('categories.code'),
                    nowrap: true,
                    render: (leaf) => <code>{leaf.code}</code>,
                  },
                  {
                    key: 'sla',
                    title: t('categories.slaClass'),
                    nowrap: true,
                    render: (leaf) => slaLabel(t, leaf.slaClass),
                  },
                  {
                    key: 'keywords',
                    title: t('categories.keywords'),
                    render: (leaf) => leaf.keywords || '—',
                  },
                  {
                    key: 'state',
                    title: t('categories.state'),
                    nowrap: true,
                    render: (leaf) =>
                      leaf.retiredAt ? (
                        <Tag>{t('categories.retired')}</Tag>
                      ) : (
                        <Tag color="green">{t('categories.active')}</Tag>
                      ),
                  },
                  { key: 'actions', title: t('categories.actions'), nowrap: true, render: buttons },
                ]}
              />
            </Card>
          );
        })}
      </div>
      {form && (
        <Suspense fallback={null}>
          <CategoryFormModal
            mode={form}
            onClose={() => setForm(null)}
            onSaved={() => {
              setForm(null);
              categories.reload();
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
