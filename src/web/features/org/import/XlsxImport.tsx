import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { localizedMessage } from '../../../i18n/translate.ts';
import type { MessageKey } from '../../../i18n/zh-CN.ts';
import { type ApiError, asApiError } from '../../../lib/api.ts';
import type { ImportIssue } from '../../../lib/api-types.ts';
import { PlainTable } from '../PlainTable.tsx';
import { bytesToBase64, importIssuesOf } from './import-model.ts';

type Outcome<R> =
  | { kind: 'done'; fileName: string; result: R }
  | { kind: 'failed'; fileName: string; error: ApiError; issues: ImportIssue[] }
  | { kind: 'refused'; fileName: string; reason: MessageKey };

/**
 * An .xlsx import card, all or nothing: pick a file, send it (base64, so the server's body
 * limit bounds it), then either what was imported or every problem of a refused sheet by
 * row and column, in the reader's language. `send` is the import call; `done` says what a
 * successful import did.
 */
export function XlsxImport<R>({
  title,
  hint,
  button,
  primary = false,
  extra,
  send,
  done,
  tooLarge,
}: {
  title: string;
  hint: string;
  button: string;
  primary?: boolean;
  /** Beside the button (a template download). */
  extra?: ReactNode;
  send(content: string): Promise<R>;
  done(fileName: string, result: R): { title: string; description?: ReactNode };
  /** Added to the server's BODY_TOO_LARGE message (how to split the file). */
  tooLarge?: string;
}) {
  const { locale, t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome<R> | null>(null);

  const upload = async (file: File) => {
    const fileName = file.name;
    if (!/\.xlsx$/i.test(fileName)) {
      setOutcome({ kind: 'refused', fileName, reason: 'import.xlsxWrongType' });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const result = await send(bytesToBase64(new Uint8Array(await file.arrayBuffer())));
      setOutcome({ kind: 'done', fileName, result });
    } catch (caught) {
      const error = asApiError(caught);
      setOutcome({ kind: 'failed', fileName, error, issues: importIssuesOf(error.body) });
    } finally {
      setBusy(false);
    }
  };

  const success = outcome?.kind === 'done' ? done(outcome.fileName, outcome.result) : null;
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
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
          <Button type={primary ? 'primary' : 'default'} icon={<UploadOutlined aria-hidden />} loading={busy}>
            {button}
          </Button>
        </Upload>
        {extra}
      </div>
      <div aria-live="polite" style={{ marginTop: 12, display: 'grid', gap: 12 }}>
        {success && (
          <Alert
            type="success"
            showIcon
            closable={{ 'aria-label': t('common.close') }}
            onClose={() => setOutcome(null)}
            title={success.title}
            description={success.description}
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
                outcome.error.code === 'BODY_TOO_LARGE' && tooLarge
                  ? `${localizedMessage(locale, outcome.error)} ${tooLarge}`
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
