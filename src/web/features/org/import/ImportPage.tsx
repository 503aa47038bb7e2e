import { Typography } from 'antd';
import { useDocumentTitle, useT } from '../../../i18n/i18n.tsx';
import { can, useMe } from '../../../session/session.tsx';
import { BoundaryImport } from './BoundaryImport.tsx';
import { DivisionsImport } from './DivisionsImport.tsx';
import { PeopleImport } from './PeopleImport.tsx';

/**
 * Bulk imports (org.manage or person.manage): the division tree of a county, the grid
 * boundaries of a township (GeoJSON) and the roster of people (.xlsx). Files are read in
 * the browser and sent through the API; each result or refusal stays on screen.
 */
export function ImportPage() {
  const t = useT();
  const me = useMe();
  useDocumentTitle(t('nav.orgImport'));
  const org = can(me, 'org.manage');
  const people = can(me, 'person.manage');
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('nav.orgImport')}
      </Typography.Title>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 16, maxWidth: 960 }}>
        {org && <DivisionsImport />}
        {org && <BoundaryImport />}
        {people && <PeopleImport />}
      </div>
    </div>
  );
}
