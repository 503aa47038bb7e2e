import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import { localizedMessage } from '../../../i18n/translate.ts';
import type { MessageKey } from '../../../i18n/zh-CN.ts';
import { type ApiError, api, asApiError } from '../../../lib/api.ts';
import type { ImportIssue, PeopleImportResult } from '../../../lib/api-types.ts';
import { PlainTable } from '../PlainTable.tsx';
import { bytesToBase64, importIssuesOf } from './import-model.ts';

type Outcome =
  | { kind: 'done'; fileName: string; result: PeopleImportResult }
  | { kind: 'failed'; fileName: string; error: ApiError; issues: ImportIssue[] }
  | { kind: 'refused'; fileName: string; reason: MessageKey };

/**
 * People and their posts from an .xlsx sheet (person.manage), all or nothing: a refused
 * sheet lists every problem by row and column, in the reader's language. The file is sent
 * base64 in the request, so the server's body limit (1 MiB by default) bounds its size.
 */
export function PeopleImport() {
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
      const result = await api.importPeople({ content });
      setOutcome({ kind: 'done', fileName, result });
    } catch (caught) {
      const error = asApiError(caught);
      setOutcome({ kind: 'failed', fileName, error, issues: importIssuesOf(error.body) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('import.people')}>
      <Typography.Paragraph type="secondary">{t('import.peopleHint')}</Typography.Paragraph>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
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
          <Button type="primary" icon={<UploadOutlined aria-hidden />} loading={busy}>
            {t('import.peopleUpload')}
          </Button>
        </Upload>
        <a href="/api/people/import-template.xlsx" download>
          <DownloadOutlined aria-hidden /> {t('import.peopleTemplate')}
        </a>
      </div>
      <div aria-live="polite" style={{ marginTop: 12, display: 'grid', gap: 12 }}>
        {outcome?.kind === 'done' && (
          <Alert
            type="success"
            showIcon
            closable={{ 'aria-label': t('common.close') }}
            onClose={() => setOutcome(null)}
            title={t('import.peopleDone', { file: outcome.fileName })}
            description={
              <>
                {t('import.peopleSummary', {
                  created: outcome.result.created,
                  updated: outcome.result.updated,
                  unchanged: outcome.result.unchanged ?? 0,
                  posts: outcome.result.posts,
                })}{' '}
                <Link to="/org/people">{t('import.openPeople')}</Link>
              </>
            }
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
              description={
                outcome.error.code === 'BODY_TOO_LARGE'
                  ? `${localizedMessage(locale, outcome.error)} ${t('import.peopleTooLarge')}`
                  : localizedMessage(locale, outcome.error)
              }
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
