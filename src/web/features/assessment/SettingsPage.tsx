import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { bannerError, serverPathProps } from '../../components/form-errors.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, asApiError } from '../../lib/api.ts';
import type { OrgUnit } from '../../lib/api-types.ts';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { can, useMe } from '../../session/session.tsx';
import { AreaSelect } from './AreaSelect.tsx';
import { assessmentApi } from './assessment-api.ts';
import { pointRuleLabel } from './assessment-labels.ts';
import {
  numberFromEvent,
  pointRuleRows,
  type SettingsValues,
  settingsBody,
  weightsTotal,
} from './assessment-model.ts';
import { RATE_KEYS, type Settings } from './assessment-types.ts';
import { PointsCard } from './PointsCard.tsx';
import { useAssessmentAreas } from './use-assessment-areas.ts';

const FIELDS = ['weights', 'minimumCases', 'pointRules'] as const;

/**
 * 考核设置 (A2): the weights of the four rates (summing to 100, checked here and by the
 * server), the minimum number of cases to be ranked and the point rules of an area — a
 * change is a new version valid from now — and the manual plus/minus points.
 */
export function SettingsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.assessmentSettings'));
  const { areas, area, setArea } = useAssessmentAreas();

  return (
    <div style={{ maxWidth: 1200 }}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('nav.assessmentSettings')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('assessment.settingsIntro')}</Typography.Paragraph>
      <ApiErrorAlert error={areas.error} onRetry={areas.reload} />
      {areas.loading && !areas.data && <Typography.Paragraph>{t('app.loading')}</Typography.Paragraph>}
      {areas.data && !area && <Alert type="info" showIcon title={t('assessment.noArea')} />}
      {area && areas.data && (
        <>
          <Space style={{ marginBottom: 16 }}>
            <label htmlFor="settings-area">{t('assessment.area')}</label>
            <AreaSelect id="settings-area" areas={areas.data} value={area.id} onChange={setArea} />
          </Space>
          <SettingsCard key={`settings-${area.id}`} area={area} />
          <PointsCard key={`points-${area.id}`} area={area} />
        </>
      )}
    </div>
  );
}

function SettingsCard({ area }: { area: OrgUnit }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = useFeedback();
  const mayManage = can(me, 'assessment.manage');
  const load = useCallback(() => assessmentApi.settings(area.id), [area.id]);
  const settings = useApi<Settings>(load);

  return (
    <Card size="small" title={t('assessment.settingsOf', { area: area.name })} style={{ marginBottom: 16 }}>
      <ApiErrorAlert error={settings.error} onRetry={settings.reload} />
      {settings.loading && !settings.data && <Typography.Paragraph>{t('app.loading')}</Typography.Paragraph>}
      {settings.data && (
        <SettingsForm
          key={settings.data.id ?? 'defaults'}
          settings={settings.data}
          readOnly={!mayManage}
          onSave={async (values) => {
            const saved = await assessmentApi.putSettings(area.id, settingsBody(values));
            message.success(t('assessment.settingsSaved'));
            settings.reload();
            return saved;
          }}
        />
      )}
    </Card>
  );
}

function SettingsForm({
  settings,
  readOnly,
  onSave,
}: {
  settings: Settings;
  readOnly: boolean;
  onSave(values: SettingsValues): Promise<Settings>;
}) {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<SettingsValues>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const weights = Form.useWatch('weights', form);
  const total = weightsTotal(weights ?? settings.weights);
  const totalWrong = total !== 100;

  const onFinish = async (values: SettingsValues) => {
    setTried(true);
    // A2: the four weights are shares of one score; the server refuses another sum too.
    if (weightsTotal(values.weights) !== 100 || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSave(values);
      setTried(false);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const server = serverPathProps(error, 'weights', locale);
  const weightsHelp = server.help
    ? server
    : {
        validateStatus: totalWrong && tried ? ('error' as const) : undefined,
        help: (
          <span role={totalWrong && tried ? 'alert' : undefined} data-testid="weights-total">
            {totalWrong ? t('assessment.weightsWrong', { total }) : t('assessment.weightsTotal', { total })}
          </span>
        ),
      };

  return (
    <Form<SettingsValues>
      form={form}
      name="assessmentSettings"
      layout="vertical"
      requiredMark={false}
      disabled={readOnly}
      initialValues={{
        weights: settings.weights,
        minimumCases: settings.minimumCases,
        pointRules: pointRuleRows(settings.pointRules),
      }}
      onFinish={onFinish}
      onValuesChange={() => {
        if (error) setError(null);
      }}
    >
      <Typography.Paragraph type="secondary">
        {settings.id
          ? t('assessment.settingsSince', { time: formatShanghai(settings.validFrom) })
          : t('assessment.settingsDefaults')}
      </Typography.Paragraph>
      <ApiErrorAlert error={bannerError(error, FIELDS)} />
      <Form.Item label={t('assessment.weights')} {...weightsHelp}>
        <Space wrap>
          {RATE_KEYS.map((key) => (
            <Form.Item
              key={key}
              name={['weights', key]}
              label={t(`assessmentRate.${key}` as const)}
              getValueFromEvent={numberFromEvent}
              rules={[{ required: true, message: t('assessment.weightRequired') }]}
              noStyle={false}
              style={{ marginBottom: 0 }}
            >
              <Input type="number" min={0} max={100} step={1} suffix="%" style={{ width: 130 }} />
            </Form.Item>
          ))}
        </Space>
      </Form.Item>
      <Form.Item
        name="minimumCases"
        label={t('assessment.minimumCases')}
        extra={t('assessment.minimumCasesHint')}
        getValueFromEvent={numberFromEvent}
        rules={[{ required: true, message: t('assessment.minimumRequired') }]}
        {...serverPathProps(error, 'minimumCases', locale)}
      >
        <Input type="number" min={0} step={1} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label={t('assessment.pointRules')}
        extra={t('assessment.pointRulesHint')}
        {...serverPathProps(error, 'pointRules', locale)}
      >
        <Form.List name="pointRules">
          {(fields, { add, remove }) => (
            <div style={{ display: 'grid', gap: 8 }}>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item
                    name={[field.name, 'key']}
                    rules={[{ required: true, whitespace: true, message: t('assessment.ruleKeyRequired') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input
                      aria-label={t('assessment.ruleKey')}
                      maxLength={40}
                      style={{ width: 200 }}
                      suffix={<RuleName index={field.name} />}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'points']}
                    getValueFromEvent={numberFromEvent}
                    rules={[{ required: true, message: t('assessment.rulePointsRequired') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input
                      type="number"
                      aria-label={t('assessment.rulePoints')}
                      min={-100}
                      max={100}
                      step={0.5}
                      style={{ width: 120 }}
                    />
                  </Form.Item>
                  {!readOnly && (
                    <Button
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove(field.name)}
                      aria-label={t('assessment.removeRule')}
                    />
                  )}
                </Space>
              ))}
              {!readOnly && (
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({ key: '', points: null })}
                  style={{ justifySelf: 'start' }}
                >
                  {t('assessment.addRule')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
      </Form.Item>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('assessment.saveSettings')}
        </Button>
      )}
    </Form>
  );
}

/** The name of a known point rule beside its key (违约 −1 分/次…). */
function RuleName({ index }: { index: number }) {
  const { t } = useI18n();
  const key = Form.useWatch(['pointRules', index, 'key']) as string | undefined;
  const label = key ? pointRuleLabel(t, key) : '';
  return label && label !== key ? <Typography.Text type="secondary">{label}</Typography.Text> : null;
}
