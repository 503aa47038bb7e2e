import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../../components/feedback.tsx';
import { useDocumentTitle, useT } from '../../../i18n/i18n.tsx';
import { roleLabel } from '../../../i18n/translate.ts';
import { api } from '../../../lib/api.ts';
import type { PersonPost } from '../../../lib/api-types.ts';
import { useApi } from '../../../lib/use-api.ts';
import { can, useMe } from '../../../session/session.tsx';
import type { EndingPost } from '../EndPostModal.tsx';
import { PlainTable } from '../PlainTable.tsx';

// The forms load only for those who may use them (person.manage).
const AddPostModal = lazy(() => import('../AddPostModal.tsx').then((m) => ({ default: m.AddPostModal })));
const EndPostModal = lazy(() => import('../EndPostModal.tsx').then((m) => ({ default: m.EndPostModal })));
const PersonFormModal = lazy(() =>
  import('./PersonFormModal.tsx').then((m) => ({ default: m.PersonFormModal })),
);

/**
 * A person (person.read): their data as the reader may see it and every post they held or
 * hold. person.manage changes them, adds a post and ends one (a grid head is handed over on
 * the grid's page instead).
 */
export function PersonPage() {
  const t = useT();
  const me = useMe();
  const { message } = useFeedback();
  const { id = '' } = useParams();
  const load = useCallback(() => api.person(id), [id]);
  const { data, error, loading, reload } = useApi(load);
  const person = data?.id === id ? data : undefined;
  useDocumentTitle(person?.name ?? t('nav.people'));
  const [editing, setEditing] = useState(false);
  const [addingPost, setAddingPost] = useState(false);
  const [ending, setEnding] = useState<EndingPost | null>(null);
  const canManage = can(me, 'person.manage');

  if (!person) {
    return (
      <div>
        <ApiErrorAlert error={error} onRetry={reload} />
        {loading && <div role="status">{t('app.loading')}</div>}
      </div>
    );
  }

  const unitLink = (unitId: string, name: string | null) =>
    can(me, 'org.read') ? (
      <Link to={`/org/units/${encodeURIComponent(unitId)}`}>{name ?? unitId}</Link>
    ) : (
      name
    );

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { key: 'people', title: <Link to="/org/people">{t('nav.people')}</Link> },
          { key: person.id, title: <span aria-current="page">{person.name}</span> },
        ]}
      />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {person.name}
        </Typography.Title>
        {canManage && (
          <Space wrap>
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
              {t('people.edit')}
            </Button>
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAddingPost(true)}>
              {t('org.addPost')}
            </Button>
          </Space>
        )}
      </Space>
      <ApiErrorAlert error={error} onRetry={reload} />
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 16 }}>
        <Card size="small" title={t('people.details')}>
          <Descriptions
            column={{ xs: 1, sm: 2 }}
            size="small"
            items={[
              { key: 'name', label: t('people.name'), children: person.name },
              { key: 'unit', label: t('people.unit'), children: unitLink(person.unitId, person.unitName) },
              { key: 'phone', label: t('org.phone'), children: person.phone ?? '—' },
              { key: 'idNumber', label: t('org.idNumber'), children: person.idNumber ?? '—' },
              {
                key: 'account',
                label: t('people.account'),
                children: person.hasAccount ? t('people.hasAccount') : t('people.noAccount'),
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('people.posts', { count: person.posts.length })}>
          <PlainTable<PersonPost>
            caption={t('people.postsCaption', { name: person.name })}
            rows={person.posts}
            rowKey={(post) => post.id}
            empty={t('people.noPosts')}
            columns={[
              { key: 'role', title: t('org.role'), nowrap: true, render: (post) => roleLabel(t, post.role) },
              {
                key: 'unit',
                title: t('org.postUnit'),
                render: (post) => unitLink(post.unitId, post.unitName),
              },
              { key: 'title', title: t('org.postTitle'), render: (post) => post.title ?? '—' },
              {
                key: 'period',
                title: t('people.period'),
                nowrap: true,
                render: (post) =>
                  post.endsOn ? (
                    t('people.periodEnded', { from: post.startsOn, to: post.endsOn })
                  ) : (
                    <>
                      {t('people.periodFrom', { from: post.startsOn })}{' '}
                      <Tag color="green">{t('people.active')}</Tag>
                    </>
                  ),
              },
              ...(canManage
                ? [
                    {
                      key: 'actions',
                      title: t('org.actions'),
                      nowrap: true,
                      render: (post: PersonPost) =>
                        post.endsOn ? null : post.role === 'grid_head' ? (
                          <Link to={`/org/units/${encodeURIComponent(post.unitId)}`}>
                            {t('people.handOverAtGrid')}
                          </Link>
                        ) : (
                          <Button
                            type="link"
                            size="small"
                            danger
                            style={{ padding: 0 }}
                            aria-label={t('org.endPostNamed', {
                              name: person.name,
                              role: roleLabel(t, post.role),
                            })}
                            onClick={() =>
                              setEnding({
                                id: post.id,
                                role: post.role,
                                personName: person.name,
                                unitName: post.unitName,
                                startsOn: post.startsOn,
                              })
                            }
                          >
                            {t('org.endPost')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </div>
      {canManage && (
        <Suspense fallback={null}>
          <PersonFormModal
            person={person}
            open={editing}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              message.success(t('people.saved'));
              reload();
            }}
          />
          <AddPostModal
            person={person}
            open={addingPost}
            onClose={() => setAddingPost(false)}
            onCreated={() => {
              setAddingPost(false);
              message.success(t('org.postCreated'));
              reload();
            }}
          />
          <EndPostModal
            post={ending}
            onClose={() => setEnding(null)}
            onEnded={() => {
              setEnding(null);
              message.success(t('org.postEnded'));
              reload();
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
