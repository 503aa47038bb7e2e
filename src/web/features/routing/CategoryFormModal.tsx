import { Form, Input, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { FormModal } from '../../components/FormModal.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { serverFieldProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { categoryName, slaLabel } from '../cases/case-labels.ts';
import { type Category, SLA_CLASSES } from '../cases/case-types.ts';
import { type CategoryValues, categoryBody } from './category-model.ts';
import { routingApi } from './routing-api.ts';

export type CategoryFormMode =
  | { kind: 'add'; parent: Category | null }
  | { kind: 'edit'; category: Category };

const FIELDS = ['code', 'nameZh', 'nameEn', 'slaClass', 'keywords'] as const;

/**
 * Adds a 大类 or a 小类 under `parent`, or changes a category's names, keywords and (a
 * 小类's) SLA class, which governs later dispatches only. The code of a 小类 is typed
 * after its 大类's code and a dot; a code is never reused.
 */
export function CategoryFormModal({
  mode,
  onClose,
  onSaved,
}: {
  mode: CategoryFormMode;
  onClose(): void;
  onSaved(category: Category): void;
}) {
  const { locale, t } = useI18n();
  const { message } = useFeedback();
  const [form] = Form.useForm<CategoryValues>();
  const existing = mode.kind === 'edit' ? mode.category : undefined;
  const parentCode = mode.kind === 'add' ? (mode.parent?.code ?? null) : (mode.category.parentCode ?? null);
  const leaf = parentCode !== null;
  const initialValues = useMemo<CategoryValues>(
    () =>
      existing
        ? {
            nameZh: existing.nameZh,
            nameEn: existing.nameEn,
            keywords: existing.keywords,
            slaClass: existing.slaClass ?? undefined,
          }
        : { slaClass: leaf ? 'general' : undefined },
    [existing, leaf],
  );

  const title =
    mode.kind === 'edit'
      ? t('categories.editTitle', { name: categoryName(mode.category, locale) })
      : mode.parent
        ? t('categories.addLeafTitle', { name: categoryName(mode.parent, locale) })
        : t('categories.addBranch');

  return (
    <FormModal<CategoryValues>
      title={title}
      okText={t('common.save')}
      form={form}
      formName="category"
      initialValues={initialValues}
      fields={FIELDS}
      submit={async (values) => {
        const body = categoryBody(values, parentCode, existing);
        let saved: Category;
        if (existing) {
          if (Object.keys(body).length === 0) {
            onClose();
            return;
          }
          saved = await routingApi.updateCategory(existing.code, body);
        } else {
          saved = await routingApi.createCategory(body);
        }
        message.success(t('categories.saved', { name: categoryName(saved, locale) }));
        onSaved(saved);
      }}
      onClose={onClose}
    >
      {(error) => (
        <>
          {existing ? (
            <Typography.Paragraph type="secondary">
              {t('categories.code')}
              {t('case.colon')}
              <code>{existing.code}</code>
            </Typography.Paragraph>
          ) : (
            <Form.Item
              name="code"
              label={t('categories.code')}
              extra={leaf ? t('categories.leafCodeHint') : t('categories.branchCodeHint')}
              rules={[
                { required: true, whitespace: true, message: t('categories.codeRequired') },
                { pattern: /^\s*[a-z][a-z0-9_]*\s*$/, message: t('categories.codeShape') },
              ]}
              {...serverFieldProps(error, 'code', locale)}
            >
              <Input prefix={leaf ? `${parentCode}.` : undefined} maxLength={60} autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item
            name="nameZh"
            label={t('categories.nameZh')}
            rules={[{ required: true, whitespace: true, message: t('categories.nameRequired') }]}
            {...serverFieldProps(error, 'nameZh', locale)}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t('categories.nameEn')}
            rules={[{ required: true, whitespace: true, message: t('categories.nameRequired') }]}
            {...serverFieldProps(error, 'nameEn', locale)}
          >
            <Input maxLength={100} />
          </Form.Item>
          {leaf && (
            <Form.Item
              name="slaClass"
              label={t('categories.slaClass')}
              extra={existing ? t('categories.slaLater') : undefined}
              rules={[{ required: true, message: t('categories.slaRequired') }]}
              {...serverFieldProps(error, 'slaClass', locale)}
            >
              <Select options={SLA_CLASSES.map((sla) => ({ value: sla, label: slaLabel(t, sla) }))} />
            </Form.Item>
          )}
          <Form.Item
            name="keywords"
            label={t('categories.keywords')}
            extra={t('categories.keywordsHint')}
            {...serverFieldProps(error, 'keywords', locale)}
          >
            <Input maxLength={500} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
