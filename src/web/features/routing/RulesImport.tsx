import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { localizedMessage } from '../../i18n/translate.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { type ApiError, asApiError } from '../../lib/api.ts';
import type { ImportIssue } from '../../lib/api-types.ts';
import { bytesToBase64, importIssuesOf } from '../org/import/import-model.ts';
import { PlainTable } from '../org/PlainTable.tsx';
import { routingApi } from './routing-api.ts';

type Outcome =
  | { kind: 'done'; fileName: string; created: number }
  | { kind: 'failed'; fileName: string; error: ApiError; issues: ImportIssue[] }
  | { kind: 'refused'; fileName: string; reason: MessageKey };

/**
 * Rules from an .xlsx sheet in the export's layout (routing.manage), all or nothing: a
 * refused sheet lists every problem by row and column in the reader's language. The file
 * travels base64, so the server's body limit bounds it.
 */
export function RulesImport({ onImported }: { onImported(): void }) {
  const { locale, t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const upload = async (file: File) => {
    const fileName = file.name;
    if (!/\.xlsx$/i.test(fileName)) {
      setOutcome({ kind: 'refused', fileName, reason: 'import.xlsxWrongType' });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const content = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const result = await routingApi.importRules(content);
      setOutcome({ kind: 'done', fileName, created: result.created });
      onImported();
    } catch (caught) {
      const error = asApiError(caught);
      setOutcome({ kind: 'failed', fileName, error, issues: importIssuesOf(error.body) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('rules.importTitle')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('rules.importHint')}</Typography.Paragraph>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        maxCount={1}
        disabled={busy}
        beforeUpload={(file) => {
          void upload(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined aria-hidden />} loading={busy}>
          {t('rules.import')}
        </Button>
      </Upload>
      <div aria-live="polite" style={{ marginTop: 12, display: 'grid', gap: 12 }}>
        {outcome?.kind === 'done' && (
          <Alert
            type="success"
            showIcon
            closable={{ 'aria-label': t('common.close') }}
            onClose={() => setOutcome(null)}
            title={t('rules.imported', { file: outcome.fileName, count: outcome.created })}
          />
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
          <>
            <Alert
              type="error"
              showIcon
              title={t('import.failed', { file: outcome.fileName })}
              description={localizedMessage(locale, outcome.error)}
            />
            {outcome.issues.length > 0 && (
              <PlainTable<ImportIssue>
                caption={t('import.issues', { count: outcome.issues.length })}
                captionVisible
                rows={outcome.issues}
                rowKey={(issue) => `${issue.row}-${issue.column}-${issue.message}`}
                empty={null}
                columns={[
                  { key: 'row', title: t('import.row'), nowrap: true, render: (issue) => issue.row },
                  {
                    key: 'column',
                    title: t('import.column'),
                    nowrap: true,
                    render: (issue) => issue.column || '—',
                  },
                  {
                    key: 'message',
                    title: t('import.problem'),
                    render: (issue) => localizedMessage(locale, issue),
                  },
                ]}
              />
            )}
          </>
        )}
      </div>
    </Card>
  );
}
