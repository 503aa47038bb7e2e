import { Checkbox, Form, Input, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { FormModal } from '../../components/FormModal.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { serverFieldProps, serverPathProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { OrgUnit } from '../../lib/api-types.ts';
import { formatShanghai } from '../../lib/time.ts';
import { matchesCategory } from '../cases/call-form.ts';
import { categoryLeafName } from '../cases/case-labels.ts';
import type { CaseView } from '../cases/case-types.ts';
import { HandlingUnitSelect } from '../cases/UnitSearch.tsx';
import { useCategories } from '../cases/use-categories.ts';
import { UnitSelect } from '../org/RemoteSelect.tsx';
import { categoryChoices } from '../routing/category-model.ts';
import { RULE_UNIT_KINDS } from '../routing/rules-model.ts';
import { consultationApi } from './consultation-api.ts';
import { itemSourceLabel } from './consultation-labels.ts';
import { ITEM_SOURCES, type ItemSource } from './consultation-types.ts';

interface Values {
  source?: ItemSource;
  caseIds?: string[];
  title?: string;
  description?: string;
  categoryCode?: string;
  placeUnitId?: string;
  involvedUnitIds?: string[];
}

const FIELDS = [
  'source',
  'caseIds',
  'title',
  'description',
  'categoryCode',
  'placeUnitId',
  'involvedUnitIds',
] as const;

/**
 * R4: an unclear-responsibility matter for the consultation — from waiting cases (picked
 * here; each on one open item only), a leader's assignment, media, netizens or the
 * platform — with its category, place and the units involved (they owe written material
 * once it is on the agenda, R9, and must attend, R3).
 */
export function NewItemModal({
  area,
  waitingCases,
  onClose,
  onAdded,
}: {
  area: OrgUnit;
  waitingCases: readonly CaseView[];
  onClose(): void;
  onAdded(): void;
}) {
  const { locale, t } = useI18n();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const categories = useCategories();
  const groups = useMemo(() => categoryChoices(categories.data ?? [], locale), [categories.data, locale]);
  const source = Form.useWatch('source', form);

  return (
    <FormModal<Values>
      width={720}
      title={t('consultation.addItem')}
      okText={t('consultation.addItem')}
      form={form}
      formName="newItem"
      initialValues={{ source: waitingCases.length > 0 ? 'case' : 'leader', caseIds: [] }}
      fields={FIELDS}
      submit={async (values) => {
        await consultationApi.addItem({
          areaUnitId: area.id,
          source: values.source ?? 'case',
          title: values.title?.trim() ?? '',
          description: values.description?.trim() ?? '',
          categoryCode: values.categoryCode || undefined,
          placeUnitId: values.placeUnitId || undefined,
          involvedUnitIds: values.involvedUnitIds?.length ? values.involvedUnitIds : undefined,
          caseIds: values.source === 'case' && values.caseIds?.length ? values.caseIds : undefined,
        });
        message.success(t('consultation.itemAdded'));
        onAdded();
      }}
      onValuesChange={(changed) => {
        // The first case picked gives the category, when none is chosen yet.
        if (changed.caseIds && !form.getFieldValue('categoryCode')) {
          const first = waitingCases.find((c) => changed.caseIds?.includes(c.id));
          if (first) form.setFieldsValue({ categoryCode: first.category });
        }
      }}
      onClose={onClose}
    >
      {(error) => (
        <>
          <Form.Item
            name="source"
            label={t('consultation.source')}
            {...serverFieldProps(error, 'source', locale)}
          >
            <Select options={ITEM_SOURCES.map((value) => ({ value, label: itemSourceLabel(t, value) }))} />
          </Form.Item>
          {source === 'case' && (
            <Form.Item
              name="caseIds"
              label={t('consultation.pickCases')}
              rules={[{ required: true, type: 'array', min: 1, message: t('consultation.casesRequired') }]}
              {...serverPathProps(error, 'caseIds', locale)}
            >
              {waitingCases.length === 0 ? (
                <Typography.Text type="secondary">{t('consultation.noWaitingCases')}</Typography.Text>
              ) : (
                <Checkbox.Group style={{ display: 'grid', gap: 6 }}>
                  {waitingCases.map((c) => (
                    <Checkbox key={c.id} value={c.id}>
                      <strong>{c.number}</strong> {categoryLeafName(c.category, categories.byCode, locale)} ·{' '}
                      {c.address ?? ''} {c.situation}{' '}
                      <Typography.Text type="secondary">{formatShanghai(c.createdAt)}</Typography.Text>
                    </Checkbox>
                  ))}
                </Checkbox.Group>
              )}
            </Form.Item>
          )}
          <Form.Item
            name="title"
            label={t('consultation.itemTitle')}
            rules={[{ required: true, whitespace: true, message: t('consultation.titleRequired') }]}
            {...serverFieldProps(error, 'title', locale)}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('consultation.description')}
            rules={[{ required: true, whitespace: true, message: t('consultation.descriptionRequired') }]}
            {...serverFieldProps(error, 'description', locale)}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={8000} />
          </Form.Item>
          <Form.Item
            name="categoryCode"
            label={t('consultation.category')}
            extra={t('consultation.categoryHint')}
            {...serverFieldProps(error, 'categoryCode', locale)}
          >
            <Select
              allowClear
              options={groups}
              showSearch={{ filterOption: (input, option) => matchesCategory(input, option) }}
              placeholder={t('call.categoryPlaceholder')}
              listHeight={320}
            />
          </Form.Item>
          <Form.Item
            name="placeUnitId"
            label={t('consultation.place')}
            extra={t('consultation.placeHint')}
            {...serverFieldProps(error, 'placeUnitId', locale)}
          >
            <UnitSelect />
          </Form.Item>
          <Form.Item
            name="involvedUnitIds"
            label={t('consultation.involved')}
            extra={t('consultation.involvedHint')}
            {...serverPathProps(error, 'involvedUnitIds', locale)}
          >
            <HandlingUnitSelect multiple kinds={RULE_UNIT_KINDS} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
