import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, type FormInstance, Input, Radio, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { serverFieldProps, serverPathProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, asApiError } from '../../lib/api.ts';
import { matchesCategory } from '../cases/call-form.ts';
import { HandlingUnitSelect } from '../cases/UnitSearch.tsx';
import { useCategories } from '../cases/use-categories.ts';
import { UnitSelect } from '../org/RemoteSelect.tsx';
import { categoryChoices } from '../routing/category-model.ts';
import { principleLabel } from '../routing/routing-labels.ts';
import { PRINCIPLES } from '../routing/routing-types.ts';
import { RULE_UNIT_KINDS } from '../routing/rules-model.ts';
import { consultationApi } from './consultation-api.ts';
import { involvedUnits, type MeetingValues, meetingBody } from './consultation-model.ts';
import type { Item, Session } from './consultation-types.ts';
import { useUnits } from './use-units.ts';

/** Paths of the request the form shows inline; an error elsewhere goes above the form. */
const INLINE = ['attendance', 'laggards', 'requirements'];
const DETERMINATION_FIELDS = [
  'principle',
  'leadUnitId',
  'cooperatingUnitIds',
  'basis',
  'reasoning',
  'categoryCode',
  'areaUnitId',
];

function shownInline(error: ApiError | null): boolean {
  const field = error?.field?.replace(/^body\./, '');
  if (!field) return false;
  if (INLINE.some((path) => field === path || field.startsWith(`${path}.`))) return true;
  return (
    /^determinations\.\d+\.(\w+)/.test(field) && DETERMINATION_FIELDS.includes(field.split('.')[2] ?? '')
  );
}

/**
 * R6: the meeting's record — who attended (every involved unit must, R3; the rows start
 * with them), the laggards' explanations (recorded against them, R10), the convenors'
 * requirements, and for every item a determination: 议定 by R1 (principle, lead and
 * cooperating units, basis, reasoning, the category and area the rule covers — the item's
 * unless changed), which becomes the routing rule and a ledger item (R7, R8), or 提请领导研究.
 */
export function MeetingForm({ session, items, onDone }: { session: Session; items: Item[]; onDone(): void }) {
  const { locale, t } = useI18n();
  const { message } = useFeedback();
  const [form] = Form.useForm<MeetingValues>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const involved = useMemo(() => involvedUnits(items), [items]);
  // The pickers learn the names of the involved units and the items' places.
  const units = useUnits([...involved, ...items.map((item) => item.placeUnitId)]);
  const initialValues = useMemo<MeetingValues>(
    () => ({
      attendance: involved.map((unitId) => ({ unitId, people: '' })),
      laggards: [],
      determinations: items.map((item) => ({
        outcome: 'decided',
        categoryCode: item.categoryCode ?? undefined,
        areaUnitId: item.placeUnitId ?? undefined,
      })),
    }),
    [involved, items],
  );
  const ready = involved.every((unitId) => units.has(unitId));

  const onFinish = async (values: MeetingValues) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await consultationApi.recordMeeting(session.id, meetingBody(values, items));
      message.success(t('meeting.done'));
      onDone();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('meeting.title')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('meeting.hint')}</Typography.Paragraph>
      {!ready ? (
        <Typography.Paragraph>{t('app.loading')}</Typography.Paragraph>
      ) : (
        <Form<MeetingValues>
          form={form}
          name="meeting"
          layout="vertical"
          requiredMark={false}
          initialValues={initialValues}
          onFinish={onFinish}
          onValuesChange={() => {
            if (error) setError(null);
          }}
          style={{ maxWidth: 900 }}
        >
          <ApiErrorAlert error={shownInline(error) ? null : error} />
          <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <legend style={{ fontWeight: 600, fontSize: 15, marginBottom: 8 }}>
              {t('meeting.attendance')}
            </legend>
            <Typography.Paragraph type="secondary">{t('meeting.attendanceHint')}</Typography.Paragraph>
            <Form.Item {...serverPathProps(error, 'attendance', locale)}>
              <Form.List name="attendance">
                {(fields, { add, remove }) => (
                  <div style={{ display: 'grid', gap: 8 }}>
                    {fields.map((field, index) => (
                      <div
                        key={field.key}
                        style={{
                          display: 'grid',
                          gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr) auto',
                          gap: 8,
                          alignItems: 'end',
                        }}
                      >
                        <Form.Item
                          name={[field.name, 'unitId']}
                          label={t('meeting.attendingUnit', { n: index + 1 })}
                          rules={[{ required: true, message: t('meeting.unitRequired') }]}
                          style={{ marginBottom: 0 }}
                        >
                          <HandlingUnitSelect kinds={RULE_UNIT_KINDS} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'people']}
                          label={t('meeting.people', { n: index + 1 })}
                          rules={[{ required: true, whitespace: true, message: t('meeting.peopleRequired') }]}
                          style={{ marginBottom: 0 }}
                        >
                          <Input maxLength={200} placeholder={t('meeting.peopleHint')} />
                        </Form.Item>
                        <Button
                          icon={<DeleteOutlined aria-hidden />}
                          onClick={() => remove(field.name)}
                          aria-label={t('meeting.removeRow', { n: index + 1 })}
                        />
                      </div>
                    ))}
                    <Button
                      icon={<PlusOutlined aria-hidden />}
                      onClick={() => add({ people: '' })}
                      style={{ justifySelf: 'start' }}
                    >
                      {t('meeting.addAttendance')}
                    </Button>
                  </div>
                )}
              </Form.List>
            </Form.Item>
          </fieldset>

          <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <legend style={{ fontWeight: 600, fontSize: 15, marginBottom: 8 }}>
              {t('meeting.laggards')}
            </legend>
            <Typography.Paragraph type="secondary">{t('meeting.laggardsHint')}</Typography.Paragraph>
            <Form.Item {...serverPathProps(error, 'laggards', locale)}>
              <Form.List name="laggards">
                {(fields, { add, remove }) => (
                  <div style={{ display: 'grid', gap: 8 }}>
                    {fields.map((field, index) => (
                      <div
                        key={field.key}
                        style={{
                          display: 'grid',
                          gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 3fr) auto',
                          gap: 8,
                          alignItems: 'end',
                        }}
                      >
                        <Form.Item
                          name={[field.name, 'unitId']}
                          label={t('meeting.laggardUnit', { n: index + 1 })}
                          rules={[{ required: true, message: t('meeting.unitRequired') }]}
                          style={{ marginBottom: 0 }}
                        >
                          <HandlingUnitSelect kinds={RULE_UNIT_KINDS} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'explanation']}
                          label={t('meeting.explanation', { n: index + 1 })}
                          rules={[
                            { required: true, whitespace: true, message: t('meeting.explanationRequired') },
                          ]}
                          style={{ marginBottom: 0 }}
                        >
                          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
                        </Form.Item>
                        <Button
                          icon={<DeleteOutlined aria-hidden />}
                          onClick={() => remove(field.name)}
                          aria-label={t('meeting.removeLaggard', { n: index + 1 })}
                        />
                      </div>
                    ))}
                    <Button
                      icon={<PlusOutlined aria-hidden />}
                      onClick={() => add({ explanation: '' })}
                      style={{ justifySelf: 'start' }}
                    >
                      {t('meeting.addLaggard')}
                    </Button>
                  </div>
                )}
              </Form.List>
            </Form.Item>
          </fieldset>

          <Form.Item
            name="requirements"
            label={t('meeting.requirements')}
            extra={t('meeting.requirementsHint')}
            {...serverFieldProps(error, 'requirements', locale)}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={8000} />
          </Form.Item>

          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('meeting.determinations')}
          </Typography.Title>
          {items.map((item, index) => (
            <DeterminationFields
              key={item.id}
              form={form}
              item={item}
              index={index}
              error={error}
              placeLabel={item.placeUnitId ? units.get(item.placeUnitId)?.name : undefined}
            />
          ))}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('meeting.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** One item's determination: 议定 (R1) or 提请领导研究 (R7). */
function DeterminationFields({
  form,
  item,
  index,
  error,
  placeLabel,
}: {
  form: FormInstance<MeetingValues>;
  item: Item;
  index: number;
  error: ApiError | null;
  placeLabel: string | undefined;
}) {
  const { locale, t } = useI18n();
  const categories = useCategories();
  const groups = useMemo(
    () => categoryChoices(categories.data ?? [], locale, (name) => t('ruleForm.categoryAll', { name })),
    [categories.data, locale, t],
  );
  const outcome = Form.useWatch(['determinations', index, 'outcome'], form);
  const lead = Form.useWatch(['determinations', index, 'leadUnitId'], form);
  const name = (field: string) => ['determinations', index, field];
  const server = (field: string) => serverFieldProps(error, `determinations.${index}.${field}`, locale);
  const decided = outcome !== 'to_leaders';
  return (
    <section
      aria-label={t('meeting.itemSection', { n: index + 1, title: item.title })}
      style={{ borderInlineStart: '3px solid #d9d9d9', paddingInlineStart: 12, marginBottom: 16 }}
    >
      <Typography.Paragraph strong>
        {t('meeting.itemHeading', { n: index + 1, title: item.title })}
      </Typography.Paragraph>
      <Form.Item name={name('outcome')} label={t('meeting.outcome')}>
        <Radio.Group
          options={[
            { value: 'decided', label: t('meeting.decided') },
            { value: 'to_leaders', label: t('meeting.toLeaders') },
          ]}
        />
      </Form.Item>
      {decided && (
        <>
          <Form.Item
            name={name('principle')}
            label={t('ruleForm.principle')}
            rules={[{ required: true, message: t('meeting.principleRequired') }]}
            {...server('principle')}
          >
            <Radio.Group
              options={PRINCIPLES.map((principle) => ({
                value: principle,
                label: principleLabel(t, principle),
              }))}
            />
          </Form.Item>
          <Form.Item
            name={name('leadUnitId')}
            label={t('ruleForm.lead')}
            rules={[{ required: true, message: t('ruleForm.leadRequired') }]}
            {...server('leadUnitId')}
          >
            <HandlingUnitSelect kinds={RULE_UNIT_KINDS} />
          </Form.Item>
          <Form.Item
            name={name('cooperatingUnitIds')}
            label={t('ruleForm.cooperating')}
            {...serverPathProps(error, `determinations.${index}.cooperatingUnitIds`, locale)}
          >
            <HandlingUnitSelect multiple kinds={RULE_UNIT_KINDS} exclude={lead ? [lead] : []} />
          </Form.Item>
          <Form.Item
            name={name('basis')}
            label={t('ruleForm.basis')}
            extra={t('meeting.basisHint')}
            rules={[{ required: true, whitespace: true, message: t('ruleForm.basisRequired') }]}
            {...server('basis')}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
          </Form.Item>
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
              columnGap: 12,
            }}
          >
            <Form.Item
              name={name('categoryCode')}
              label={t('meeting.ruleCategory')}
              extra={t('meeting.ruleCategoryHint')}
              rules={[{ required: true, message: t('ruleForm.categoryRequired') }]}
              {...server('categoryCode')}
            >
              <Select
                options={groups}
                showSearch={{ filterOption: (input, option) => matchesCategory(input, option) }}
                listHeight={320}
              />
            </Form.Item>
            <Form.Item
              name={name('areaUnitId')}
              label={t('meeting.ruleArea')}
              extra={t('meeting.ruleAreaHint')}
              {...server('areaUnitId')}
            >
              <UnitSelect initialLabel={placeLabel} />
            </Form.Item>
          </div>
        </>
      )}
      <Form.Item
        name={name('reasoning')}
        label={decided ? t('meeting.reasoning') : t('meeting.toLeadersReason')}
        {...server('reasoning')}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
    </section>
  );
}
