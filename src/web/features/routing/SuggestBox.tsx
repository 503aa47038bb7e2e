import { Alert, Button, Card, Form, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { serverFieldProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { localizedMessage } from '../../i18n/translate.ts';
import { type ApiError, asApiError } from '../../lib/api.ts';
import { matchesCategory } from '../cases/call-form.ts';
import type { Category } from '../cases/case-types.ts';
import { UnitSelect } from '../org/RemoteSelect.tsx';
import { categoryChoices } from './category-model.ts';
import { routingApi } from './routing-api.ts';
import { principleLabel } from './routing-labels.ts';
import type { Suggestion } from './routing-types.ts';

const STATUS_TYPES: Record<Suggestion['status'], 'success' | 'info' | 'warning' | 'error'> = {
  rule: 'success',
  fallback: 'info',
  none: 'warning',
  conflict: 'error',
};

interface Values {
  category?: string;
  place?: string;
}

/**
 * 试算建议 (C7): a category and a place (a grid or any area of the scope) → what the
 * catalogue says, as a centre would see it on dispatch: the rule and its basis, the
 * area's fallback, no rule, or rules in conflict.
 */
export function SuggestBox({ categories }: { categories: readonly Category[] }) {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<Values>();
  const groups = useMemo(() => categoryChoices(categories, locale), [categories, locale]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [answer, setAnswer] = useState<Suggestion | null>(null);

  const onFinish = async (values: Values) => {
    if (!values.category || !values.place) return;
    setBusy(true);
    setError(null);
    try {
      setAnswer(await routingApi.suggest(values.category, values.place));
    } catch (caught) {
      setAnswer(null);
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('suggest.title')} style={{ maxWidth: 960 }}>
      <Typography.Paragraph type="secondary">{t('suggest.hint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="suggest"
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        onValuesChange={() => setError(null)}
      >
        <div
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: 12 }}
        >
          <Form.Item
            name="category"
            label={t('suggest.category')}
            rules={[{ required: true, message: t('ruleForm.categoryRequired') }]}
            {...serverFieldProps(error, 'category', locale)}
          >
            <Select
              options={groups}
              showSearch={{ filterOption: (input, option) => matchesCategory(input, option) }}
              placeholder={t('call.categoryPlaceholder')}
            />
          </Form.Item>
          <Form.Item
            name="place"
            label={t('suggest.place')}
            rules={[{ required: true, message: t('suggest.placeRequired') }]}
            {...serverFieldProps(error, 'grid', locale)}
          >
            <UnitSelect placeholder={t('suggest.placeHint')} />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('suggest.run')}
        </Button>
      </Form>
      <div aria-live="polite" style={{ marginTop: 12 }}>
        <ApiErrorAlert error={error && !error.field ? error : null} />
        {answer && (
          <Alert
            type={STATUS_TYPES[answer.status]}
            showIcon
            data-suggest-status={answer.status}
            title={
              <>
                <Tag>{t(`suggest.status.${answer.status}`)}</Tag>
                {localizedMessage(locale, answer)}
              </>
            }
            description={
              answer.rule ? (
                <div>
                  <div>
                    {t('suggest.lead')}
                    {t('case.colon')}
                    <strong>{answer.rule.lead.name}</strong>
                    {answer.rule.cooperating.length > 0 &&
                      ` · ${t('suggest.cooperating')}${t('case.colon')}${answer.rule.cooperating.map((u) => u.name).join('、')}`}
                  </div>
                  <div>
                    {t('suggest.principle')}
                    {t('case.colon')}
                    {principleLabel(t, answer.rule.principle)} · {t('suggest.area')}
                    {t('case.colon')}
                    {answer.rule.area.name}
                  </div>
                  <div style={{ overflowWrap: 'anywhere' }}>
                    {t('suggest.basis')}
                    {t('case.colon')}
                    {answer.rule.basis}
                  </div>
                </div>
              ) : answer.rules.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {answer.rules.map((rule) => (
                    <li key={rule.id}>
                      {rule.lead.name} · {rule.area.name} · {rule.basis}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
      </div>
    </Card>
  );
}
