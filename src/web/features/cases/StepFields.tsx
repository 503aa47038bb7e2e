import { Alert, Button, Checkbox, Form, type FormInstance, Input, Select } from 'antd';
import { type ReactNode, useCallback } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { serverFieldProps, serverPathProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { localizedMessage } from '../../i18n/translate.ts';
import type { ApiError } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { slaLabel, stateLabel } from './case-labels.ts';
import type {
  CaseView,
  Category,
  DuplicateSuggestion,
  RoutingRule,
  RoutingSuggestion,
  SlaClass,
} from './case-types.ts';
import { SLA_CLASSES } from './case-types.ts';
import { casesApi } from './cases-api.ts';
import { CONSULT_KINDS, MEDIATION_KINDS } from './steps.ts';
import { HandlingUnitSelect, rememberUnitLabel } from './UnitSearch.tsx';

/** The pieces of the step form (StepModal.tsx), one group of fields each. */

/** A text the step sends (reason, result, feedback, note…): required or not, the server's complaint under it. */
export function TextItem({
  name,
  label,
  requiredMessage,
  error,
  maxLength,
  maxRows = 6,
  extra,
  help,
}: {
  name: string;
  label: string;
  /** Set when the text is required: the message shown when it is left empty. */
  requiredMessage?: string;
  error: ApiError | null;
  maxLength: number;
  maxRows?: number;
  extra?: ReactNode;
  /** Overrides the server's message for this field (see the pending tasks' reason). */
  help?: { validateStatus: 'error'; help: ReactNode };
}) {
  const { locale } = useI18n();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={requiredMessage ? [{ required: true, whitespace: true, message: requiredMessage }] : []}
      {...(help ?? serverFieldProps(error, name, locale))}
    >
      <Input.TextArea maxLength={maxLength} autoSize={{ minRows: maxRows > 4 ? 2 : 1, maxRows }} />
    </Form.Item>
  );
}

/**
 * C7 dispatch: the catalogue's advice (taken in one click), the lead unit, cooperating
 * units, the SLA class (the category's by default) and, at a township, joint enforcement.
 */
export function DispatchFields({
  form,
  current,
  category,
  mayRoute,
  error,
  onAdvice,
}: {
  form: FormInstance;
  current: CaseView;
  category: Category | undefined;
  mayRoute: boolean;
  error: ApiError | null;
  /** A suggestion was taken: the caller clears its stale error. */
  onAdvice(): void;
}) {
  const { locale, t } = useI18n();
  const leadUnitId = Form.useWatch('leadUnitId', form);
  const defaultSla = category?.slaClass ? slaLabel(t, category.slaClass) : t('case.slaNone');
  return (
    <>
      {mayRoute && (
        <RoutingAdvice
          category={current.category}
          placeUnitId={current.gridId ?? current.areaUnitId}
          onUse={(rule) => {
            rememberUnitLabel(rule.lead);
            for (const unit of rule.cooperating) rememberUnitLabel(unit);
            form.setFieldsValue({
              leadUnitId: rule.lead.id,
              cooperatingUnitIds: rule.cooperating.map((unit) => unit.id),
            });
            onAdvice();
          }}
        />
      )}
      <Form.Item
        name="leadUnitId"
        label={t('action.leadUnit')}
        rules={[{ required: true, message: t('action.leadUnitRequired') }]}
        {...serverFieldProps(error, 'leadUnitId', locale)}
      >
        <HandlingUnitSelect placeholder={t('action.leadUnitSearch')} />
      </Form.Item>
      <Form.Item
        name="cooperatingUnitIds"
        label={t('action.cooperating')}
        {...serverPathProps(error, 'cooperatingUnitIds', locale)}
      >
        <HandlingUnitSelect
          multiple
          exclude={leadUnitId ? [leadUnitId] : []}
          placeholder={t('action.leadUnitSearch')}
        />
      </Form.Item>
      <Form.Item
        name="slaClass"
        label={t('action.slaClass')}
        {...serverFieldProps(error, 'slaClass', locale)}
      >
        <Select<SlaClass>
          allowClear
          placeholder={`${t('action.slaDefault')}${t('case.colon')}${defaultSla}`}
          options={SLA_CLASSES.map((value) => ({ value, label: slaLabel(t, value) }))}
        />
      </Form.Item>
      {current.level === 'township' && (
        <Form.Item
          name="jointEnforcement"
          valuePropName="checked"
          {...serverFieldProps(error, 'jointEnforcement', locale)}
        >
          <Checkbox>{t('action.jointEnforcement')}</Checkbox>
        </Form.Item>
      )}
    </>
  );
}

/** C14: a joint consultation (units, decision, minutes) or a referral to a mediation office. */
export function RecordFields({
  record,
  error,
}: {
  record: 'joint_consultation' | 'mediation_referral';
  error: ApiError | null;
}) {
  const { locale, t } = useI18n();
  if (record === 'joint_consultation') {
    return (
      <>
        <Form.Item
          name="unitIds"
          label={t('record.units')}
          rules={[{ required: true, type: 'array', min: 2, message: t('record.unitsRequired') }]}
          {...serverPathProps(error, 'unitIds', locale)}
        >
          <HandlingUnitSelect multiple kinds={CONSULT_KINDS} placeholder={t('action.leadUnitSearch')} />
        </Form.Item>
        <TextItem
          name="decision"
          label={t('record.decision')}
          requiredMessage={t('record.decisionRequired')}
          error={error}
          maxLength={4000}
        />
        <TextItem
          name="minutes"
          label={t('record.minutes')}
          requiredMessage={t('record.minutesRequired')}
          error={error}
          maxLength={20000}
          maxRows={10}
        />
        <Form.Item name="decidedByLeader" valuePropName="checked">
          <Checkbox>{t('record.decidedByLeader')}</Checkbox>
        </Form.Item>
      </>
    );
  }
  return (
    <>
      <Form.Item
        name="mediatorId"
        label={t('record.mediator')}
        rules={[{ required: true, message: t('record.mediatorRequired') }]}
        {...serverPathProps(error, 'unitIds', locale)}
      >
        <HandlingUnitSelect kinds={MEDIATION_KINDS} placeholder={t('action.leadUnitSearch')} />
      </Form.Item>
      <TextItem name="decision" label={t('record.decisionOptional')} error={error} maxLength={4000} />
    </>
  );
}

/** merge: the likely duplicates (same category, 100 m, 72 h) the centre may merge into. */
export function MergeTarget({ caseId, error }: { caseId: string; error: ApiError | null }) {
  const { locale, t } = useI18n();
  const load = useCallback(() => casesApi.duplicates(caseId).then((page) => page.items), [caseId]);
  const duplicates = useApi<DuplicateSuggestion[]>(load);
  const items = duplicates.data ?? [];
  return (
    <>
      <ApiErrorAlert error={duplicates.error} onRetry={duplicates.reload} />
      <Form.Item
        name="mergeIntoId"
        label={t('action.mergeInto')}
        rules={[{ required: true, message: t('action.mergeIntoRequired') }]}
        extra={!duplicates.loading && items.length === 0 ? t('action.noDuplicates') : undefined}
        {...serverFieldProps(error, 'mergeIntoId', locale)}
      >
        <Select<string>
          loading={duplicates.loading}
          options={items.map((item) => ({
            value: item.case.id,
            label: t('action.duplicate', {
              number: item.case.number,
              state: stateLabel(t, item.case.state),
              metres: item.metres,
            }),
          }))}
        />
      </Form.Item>
    </>
  );
}

/**
 * C7, R1: what the responsibility catalogue says for this category at this place — the
 * lead (and cooperating) units with the basis, to take over in one click; or that the
 * responsibility is unclear (no rule, or rules that disagree: each can still be taken).
 * Only advice: the dispatcher decides, and a failure to ask leaves the form as it is.
 */
function RoutingAdvice({
  category,
  placeUnitId,
  onUse,
}: {
  category: string;
  placeUnitId: string;
  onUse(rule: RoutingRule): void;
}) {
  const { locale, t } = useI18n();
  const load = useCallback(() => casesApi.suggestRouting(category, placeUnitId), [category, placeUnitId]);
  const { data } = useApi<RoutingSuggestion>(load);
  if (!data) return null;
  const text = localizedMessage(locale, data);
  const rule = data.rule;
  if ((data.status === 'rule' || data.status === 'fallback') && rule) {
    return (
      <Alert
        type="info"
        showIcon
        title={t('action.suggestion')}
        description={text}
        style={{ marginBottom: 16 }}
        action={
          <Button size="small" type="primary" ghost onClick={() => onUse(rule)}>
            {t('action.useSuggestion')}
          </Button>
        }
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={t('action.suggestion')}
      style={{ marginBottom: 16 }}
      description={
        <>
          <div>{text}</div>
          {data.rules.map((candidate) => (
            <Button
              key={candidate.id}
              size="small"
              style={{ marginTop: 8, marginInlineEnd: 8 }}
              onClick={() => onUse(candidate)}
            >
              {t('action.useRule', { name: candidate.lead.name })}
            </Button>
          ))}
        </>
      }
    />
  );
}
