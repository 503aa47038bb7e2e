import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { localizedMessage } from '../../i18n/translate.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { type ApiError, api, asApiError } from '../../lib/api.ts';
import type { CalendarChangeResult } from '../../lib/api-types.ts';
import { importFormatOf } from './calendar-model.ts';

/** The server takes at most 900 000 characters; a file this large is refused before reading it. */
const MAX_FILE_BYTES = 900_000;

type Outcome =
  | { kind: 'done'; fileName: string; result: CalendarChangeResult }
  | { kind: 'failed'; fileName: string; error: ApiError }
  | { kind: 'refused'; fileName: string; reason: MessageKey };

/**
 * Imports a JSON arrangement or an iCalendar file (calendar.manage). The file is read in
 * the browser and its text sent to the API; the format follows the file's extension.
 */
export function ImportCalendar({ onImported }: { onImported(result: CalendarChangeResult): void }) {
  const { locale, t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const importFile = async (file: File) => {
    const fileName = file.name;
    const format = importFormatOf(fileName);
    if (format === null) {
      setOutcome({ kind: 'refused', fileName, reason: 'calendar.importWrongType' });
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      setOutcome({ kind: 'refused', fileName, reason: 'calendar.importTooLarge' });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const content = await file.text();
      const result = await api.importCalendar({ format, content });
      setOutcome({ kind: 'done', fileName, result });
      onImported(result);
    } catch (caught) {
      setOutcome({ kind: 'failed', fileName, error: asApiError(caught) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Upload
        accept=".json,.ics,application/json,text/calendar"
        showUploadList={false}
        maxCount={1}
        disabled={busy}
        beforeUpload={(file) => {
          void importFile(file);
          // Nothing goes to an upload URL: the text is sent through the API client.
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined aria-hidden />} loading={busy}>
          {t('calendar.import')}
        </Button>
      </Upload>
      <div aria-live="polite">
        {outcome?.kind === 'done' && (
          <Alert
            type="success"
            showIcon
            closable={{ 'aria-label': t('common.close') }}
            onClose={() => setOutcome(null)}
            style={{ marginTop: 12 }}
            title={t('calendar.importDone', { file: outcome.fileName })}
            description={t('calendar.importSummary', {
              days: outcome.result.changedDays.length,
              years: outcome.result.years.length > 0 ? outcome.result.years.join('、') : t('common.none'),
              recomputed: outcome.result.recomputed,
            })}
          />
        )}
        {(outcome?.kind === 'refused' || outcome?.kind === 'failed') && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={t('calendar.importFailed', { file: outcome.fileName })}
            description={
              outcome.kind === 'refused' ? t(outcome.reason) : localizedMessage(locale, outcome.error)
            }
          />
        )}
      </div>
    </div>
  );
}
