import { useI18n } from '../../i18n/i18n.tsx';
import { XlsxImport } from '../org/import/XlsxImport.tsx';
import { routingApi } from './routing-api.ts';

/** Rules from an .xlsx sheet in the export's layout (routing.manage), all or nothing. */
export function RulesImport({ onImported }: { onImported(): void }) {
  const { t } = useI18n();
  return (
    <XlsxImport
      title={t('rules.importTitle')}
      hint={t('rules.importHint')}
      button={t('rules.import')}
      send={async (content) => {
        const result = await routingApi.importRules(content);
        onImported();
        return result;
      }}
      done={(file, result) => ({ title: t('rules.imported', { file, count: result.created }) })}
    />
  );
}
