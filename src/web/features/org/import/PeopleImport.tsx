import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import { api } from '../../../lib/api.ts';
import { XlsxImport } from './XlsxImport.tsx';

/**
 * People and their posts from an .xlsx sheet (person.manage), all or nothing, with the
 * template to fill in. The server's body limit (1 MiB by default) bounds the file.
 */
export function PeopleImport() {
  const { t } = useI18n();
  return (
    <XlsxImport
      title={t('import.people')}
      hint={t('import.peopleHint')}
      button={t('import.peopleUpload')}
      primary
      extra={
        <a href="/api/people/import-template.xlsx" download>
          <DownloadOutlined aria-hidden /> {t('import.peopleTemplate')}
        </a>
      }
      send={(content) => api.importPeople({ content })}
      done={(file, result) => ({
        title: t('import.peopleDone', { file }),
        description: (
          <>
            {t('import.peopleSummary', {
              created: result.created,
              updated: result.updated,
              unchanged: result.unchanged ?? 0,
              posts: result.posts,
            })}{' '}
            <Link to="/org/people">{t('import.openPeople')}</Link>
          </>
        ),
      })}
      tooLarge={t('import.peopleTooLarge')}
    />
  );
}
