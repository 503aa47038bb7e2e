import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import { localizedMessage } from '../../../i18n/translate.ts';
import type { MessageKey } from '../../../i18n/zh-CN.ts';
import { type ApiError, api, asApiError } from '../../../lib/api.ts';
import type { BoundaryImportResult } from '../../../lib/api-types.ts';
import { CoverageCard } from '../map/CoverageCard.tsx';
import { UnitSelect } from '../RemoteSelect.tsx';
import { featureOfField, parseGeoJsonText } from './import-model.ts';

type Outcome =
  | { kind: 'done'; fileName: string; townshipId: string; result: BoundaryImportResult }
  | { kind: 'failed'; fileName: string; error: ApiError; features: readonly unknown[] }
  | { kind: 'refused'; fileName: string; reason: MessageKey };

/**
 * A township's grid boundaries from a GeoJSON FeatureCollection (org.manage): one feature
 * per grid, `properties.code` its code, plus optionally the township's own outline. The
 * file is read in the browser and sent whole; the server takes all of it or nothing.
 */
export function BoundaryImport() {
  const { locale, t } = useI18n();
  const [township, setTownship] = useState<{ id: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const upload = async (file: File) => {
    if (!township) return;
    const fileName = file.name;
    if (!/\.(geo)?json$/i.test(fileName)) {
      setOutcome({ kind: 'refused', fileName, reason: 'import.geojsonWrongType' });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const parsed = parseGeoJsonText(await file.text());
      if (!parsed.ok) {
        setOutcome({
          kind: 'refused',
          fileName,
          reason: parsed.reason === 'json' ? 'import.geojsonNotJson' : 'import.geojsonNotCollection',
        });
        return;
      }
      try {
        const result = await api.putGridBoundaries(township.id, parsed.collection);
        setOutcome({ kind: 'done', fileName, townshipId: township.id, result });
      } catch (caught) {
        setOutcome({
          kind: 'failed',
          fileName,
          error: asApiError(caught),
          features: parsed.collection.features,
        });
      }
    } finally {
      setBusy(false);
    }
  };

  const failedFeature =
    outcome?.kind === 'failed' ? featureOfField(outcome.error.field, outcome.features) : null;

  return (
    <Card size="small" title={t('import.boundaries')}>
      <Typography.Paragraph type="secondary">{t('import.boundariesHint')}</Typography.Paragraph>
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label={t('import.township')} htmlFor="boundary-township" style={{ maxWidth: 480 }}>
          <UnitSelect
            id="boundary-township"
            kind="township"
            placeholder={t('org.searchUnit')}
            value={township?.id}
            onUnit={(unit) => {
              setTownship(unit ? { id: unit.id, name: unit.name } : null);
              setOutcome(null);
            }}
          />
        </Form.Item>
      </Form>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
        <Upload
          accept=".geojson,.json,application/geo+json,application/json"
          showUploadList={false}
          maxCount={1}
          disabled={busy || !township}
          beforeUpload={(file) => {
            void upload(file);
            // Nothing goes to an upload URL: the collection is sent through the API client.
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />} loading={busy} disabled={!township}>
            {t('import.boundariesUpload')}
          </Button>
        </Upload>
        {township && (
          <a
            href={`/api/org/units/${encodeURIComponent(township.id)}/grids.geojson`}
            download={`${township.name}.geojson`}
          >
            <DownloadOutlined aria-hidden /> {t('import.boundariesDownload', { name: township.name })}
          </a>
        )}
      </div>
      <div aria-live="polite" style={{ marginTop: 12, display: 'grid', gap: 12 }}>
        {outcome?.kind === 'done' && (
          <>
            <Alert
              type="success"
              showIcon
              title={t('import.boundariesDone', { file: outcome.fileName, updated: outcome.result.updated })}
              description={
                <Link to={`/org/units/${encodeURIComponent(outcome.townshipId)}/map`}>
                  {t('import.openMap')}
                </Link>
              }
            />
            <CoverageCard coverage={outcome.result} title={t('import.coverageAfter')} />
          </>
        )}
        {outcome?.kind === 'refused' && (
          <Alert
            type="error"
            showIcon
            title={t('import.failed', { file: outcome.fileName })}
            description={t(outcome.reason)}
          />
        )}
        {outcome?.kind === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={
              outcome.error.code === 'GRID_OVERLAP'
                ? t('import.boundariesOverlap', { file: outcome.fileName })
                : t('import.failed', { file: outcome.fileName })
            }
            description={
              <div style={{ display: 'grid', gap: 4 }}>
                {failedFeature && (
                  <div>
                    {t('import.featureAt', {
                      position: failedFeature.position,
                      what: [failedFeature.code, failedFeature.name].filter(Boolean).join(' ') || '—',
                    })}
                  </div>
                )}
                <div>{localizedMessage(locale, outcome.error)}</div>
                {outcome.error.field && !failedFeature && (
                  <div style={{ fontFamily: 'monospace' }}>{outcome.error.field}</div>
                )}
              </div>
            }
          />
        )}
      </div>
    </Card>
  );
}
