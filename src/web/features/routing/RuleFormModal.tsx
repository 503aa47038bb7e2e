import { Alert, Button, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useMemo, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { bannerError, serverFieldProps, serverPathProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { localizedMessage } from '../../i18n/translate.ts';
import { type ApiError, asApiError } from '../../lib/api.ts';
import { matchesCategory } from '../cases/call-form.ts';
import type { Category } from '../cases/case-types.ts';
import { HandlingUnitSelect, rememberUnitLabel } from '../cases/UnitSearch.tsx';
import { UnitSelect } from '../org/RemoteSelect.tsx';
import { categoryChoices } from './category-model.ts';
import { routingApi } from './routing-api.ts';
import { principleLabel, ruleSummary } from './routing-labels.ts';
import { PRINCIPLES, type Rule } from './routing-types.ts';
import { overlappingRules, RULE_UNIT_KINDS, type RuleValues, ruleBody } from './rules-model.ts';

/** Request fields the server may name, each shown under its form item. */
const FIELDS = [
  'fallback',
  'categoryCode',
  'areaUnitId',
  'leadUnitId',
  'cooperatingUnitIds',
  'principle',
  'basis',
  'validFrom',
  'validTo',
] as const;

/**
 * A new responsibility rule (R1), or one that replaces `replacing` (same category and
 * area; the old rule ends where the new one starts). When the server refuses an overlap
 * (409 RULE_OVERLAP) the form names the rule in the way and offers to replace it; what was
 * typed stays.
 */
export function RuleFormModal({
  replacing: initialReplacing,
  categories,
  byCode,
  onClose,
  onSaved,
}: {
  replacing: Rule | null;
  categories: readonly Category[];
  byCode: ReadonlyMap<string, Category> | undefined;
  onClose(): void;
  onSaved(rule: Rule): void;
}) {
  const { locale, t } = useI18n();
  const { message } = useFeedback();
  const [form] = Form.useForm<RuleValues>();
  const [replacing, setReplacing] = useState<Rule | null>(initialReplacing);
  const [error, setError] = useState<ApiError | null>(null);
  const [overlaps, setOverlaps] = useState<Rule[]>([]);
  const [busy, setBusy] = useState(false);
  const fallback = Form.useWatch('fallback', form) === true;
  const leadUnitId = Form.useWatch('leadUnitId', form);
  const groups = useMemo(
    () => categoryChoices(categories, locale, (name) => t('ruleForm.categoryAll', { name })),
    [categories, locale, t],
  );
  const initialValues = useMemo<RuleValues>(() => {
    if (!initialReplacing) return { principle: 'statutory' };
    for (const unit of [initialReplacing.lead, ...initialReplacing.cooperating]) rememberUnitLabel(unit);
    return {
      fallback: initialReplacing.fallback,
      categoryCode: initialReplacing.categoryCode ?? undefined,
      areaUnitId: initialReplacing.area.id,
      principle: initialReplacing.principle,
    };
  }, [initialReplacing]);

  const save = async (values: RuleValues, replacement: Rule | null) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setOverlaps([]);
    try {
      const rule = await routingApi.createRule(ruleBody(values, replacement?.id));
      message.success(replacement ? t('ruleForm.replaced') : t('ruleForm.created'));
      onSaved(rule);
    } catch (caught) {
      const failure = asApiError(caught);
      setError(failure);
      if (failure.code === 'RULE_OVERLAP' && values.areaUnitId) {
        // The refusal does not say which rule is in the way: look for it among the rules of that area.
        const categoryCode = values.fallback ? null : (values.categoryCode ?? null);
        try {
          const page = await routingApi.rules({
            areaUnitId: values.areaUnitId,
            category: categoryCode ?? undefined,
          });
          setOverlaps(overlappingRules(page.items, categoryCode, values.areaUnitId, Date.now()));
        } catch {
          // The message alone still says what to do.
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const replaceWith = (rule: Rule) => {
    setReplacing(rule);
    void save(form.getFieldsValue(true) as RuleValues, rule);
  };

  const title = replacing ? t('ruleForm.replaceTitle') : t('ruleForm.title');
  const overlapError = error?.code === 'RULE_OVERLAP' ? error : null;

  return (
    <Modal
      open
      title={title}
      width={680}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: busy }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<RuleValues>
          form={form}
          name="rule"
          layout="vertical"
          requiredMark={false}
          initialValues={initialValues}
          onFinish={(values) => void save(values, replacing)}
          onValuesChange={() => {
            if (error) setError(null);
          }}
        >
          {dom}
        </Form>
      )}
    >
      {replacing && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('ruleForm.replacing', { rule: ruleSummary(t, replacing, byCode, locale) })}
          action={
            initialReplacing ? undefined : (
              <Button size="small" onClick={() => setReplacing(null)}>
                {t('ruleForm.stopReplacing')}
              </Button>
            )
          }
        />
      )}
      {overlapError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={localizedMessage(locale, overlapError)}
          description={
            overlaps.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {overlaps.map((rule) => (
                  <li key={rule.id} style={{ marginBottom: 4 }}>
                    {ruleSummary(t, rule, byCode, locale)}
                    {t('case.colon')}
                    {rule.basis}{' '}
                    <Button size="small" type="primary" onClick={() => replaceWith(rule)}>
                      {t('ruleForm.replaceThis')}
                    </Button>
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <ApiErrorAlert error={overlapError ? null : bannerError(error, FIELDS)} />
      <Form.Item name="fallback" valuePropName="checked" {...serverFieldProps(error, 'fallback', locale)}>
        <Checkbox disabled={replacing !== null}>{t('ruleForm.fallback')}</Checkbox>
      </Form.Item>
      {!fallback && (
        <Form.Item
          name="categoryCode"
          label={t('ruleForm.category')}
          rules={[{ required: true, message: t('ruleForm.categoryRequired') }]}
          {...serverFieldProps(error, 'categoryCode', locale)}
        >
          <Select
            options={groups}
            disabled={replacing !== null}
            showSearch={{ filterOption: (input, option) => matchesCategory(input, option) }}
            placeholder={t('call.categoryPlaceholder')}
            listHeight={320}
          />
        </Form.Item>
      )}
      <Form.Item
        name="areaUnitId"
        label={t('ruleForm.area')}
        extra={t('ruleForm.areaHint')}
        rules={[{ required: true, message: t('ruleForm.areaRequired') }]}
        {...serverFieldProps(error, 'areaUnitId', locale)}
      >
        {replacing ? (
          <Select
            disabled
            options={[
              { value: replacing.area.id, label: `${replacing.area.name}（${replacing.area.code}）` },
            ]}
          />
        ) : (
          <UnitSelect />
        )}
      </Form.Item>
      <Form.Item
        name="leadUnitId"
        label={t('ruleForm.lead')}
        rules={[{ required: true, message: t('ruleForm.leadRequired') }]}
        {...serverFieldProps(error, 'leadUnitId', locale)}
      >
        <HandlingUnitSelect kinds={RULE_UNIT_KINDS} />
      </Form.Item>
      <Form.Item
        name="cooperatingUnitIds"
        label={t('ruleForm.cooperating')}
        {...serverPathProps(error, 'cooperatingUnitIds', locale)}
      >
        <HandlingUnitSelect multiple kinds={RULE_UNIT_KINDS} exclude={leadUnitId ? [leadUnitId] : []} />
      </Form.Item>
      <Form.Item
        name="principle"
        label={t('ruleForm.principle')}
        extra={t('ruleForm.principleHint')}
        {...serverFieldProps(error, 'principle', locale)}
      >
        <Radio.Group
          options={PRINCIPLES.map((principle) => ({ value: principle, label: principleLabel(t, principle) }))}
        />
      </Form.Item>
      <Form.Item
        name="basis"
        label={t('ruleForm.basis')}
        extra={t('ruleForm.basisHint')}
        rules={[{ required: true, whitespace: true, message: t('ruleForm.basisRequired') }]}
        {...serverFieldProps(error, 'basis', locale)}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
          columnGap: 12,
        }}
      >
        <Form.Item
          name="validFrom"
          label={t('ruleForm.validFrom')}
          extra={t('ruleForm.validFromHint')}
          {...serverFieldProps(error, 'validFrom', locale)}
        >
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item
          name="validTo"
          label={t('ruleForm.validTo')}
          extra={t('ruleForm.validToHint')}
          {...serverFieldProps(error, 'validTo', locale)}
        >
          <Input type="datetime-local" />
        </Form.Item>
      </div>
    </Modal>
  );
}
