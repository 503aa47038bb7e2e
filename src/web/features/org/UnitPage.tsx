import { ApartmentOutlined, EnvironmentOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { useDocumentTitle, useT } from '../../i18n/i18n.tsx';
import { orgKindLabel, roleLabel } from '../../i18n/translate.ts';
import { api } from '../../lib/api.ts';
import type { ChainLink, OrgUnit, UnitPage as UnitPageData } from '../../lib/api-types.ts';
import { useApi } from '../../lib/use-api.ts';
import { can, useMe } from '../../session/session.tsx';
import type { EndingPost } from './EndPostModal.tsx';
import { contractKindLabel, gridTypeLabel } from './org-labels.ts';
import { childKindsOf, readableChainIds } from './org-rules.ts';
import { PlainTable } from './PlainTable.tsx';

// The forms load only for those who may use them: most readers (grid workers on a phone) never do.
const AddPostModal = lazy(() => import('./AddPostModal.tsx').then((m) => ({ default: m.AddPostModal })));
const AddUnitModal = lazy(() => import('./AddUnitModal.tsx').then((m) => ({ default: m.AddUnitModal })));
const EndPostModal = lazy(() => import('./EndPostModal.tsx').then((m) => ({ default: m.EndPostModal })));
const HandOverModal = lazy(() => import('./HandOverModal.tsx').then((m) => ({ default: m.HandOverModal })));

type PostRow = UnitPageData['posts'][number];
type ContractorRow = UnitPageData['contractors'][number];

/** A number as the server sent it (masked unless the reader's role needs it); a dash for none. */
function shown(value: string | null): string {
  return value ?? '—';
}

/**
 * A unit's page (org.read): where it sits (breadcrumb), its data, its children, the people
 * in its posts and who contracts it; for a grid the chain of who answers for it, for a
 * township its grid map. org.manage adds a child unit; person.manage adds and ends posts
 * and hands a grid over to a new grid head.
 */
export function UnitPage() {
  const t = useT();
  const me = useMe();
  const { message } = useFeedback();
  const { id = '' } = useParams();
  const load = useCallback(() => api.orgUnit(id), [id]);
  const { data, error, loading, reload } = useApi(load);
  const page = data?.unit.id === id ? data : undefined;
  useDocumentTitle(page?.unit.name ?? t('org.unitPage'));

  const [addingChild, setAddingChild] = useState(false);
  const [addingPost, setAddingPost] = useState(false);
  const [handingOver, setHandingOver] = useState(false);
  const [ending, setEnding] = useState<EndingPost | null>(null);

  const isGrid = page?.unit.kind === 'grid';
  const loadChain = useCallback(
    () => (isGrid ? api.gridChain(id).then((answer) => answer.items) : Promise.resolve([] as ChainLink[])),
    [id, isGrid],
  );
  const chain = useApi(loadChain);

  const readable = useMemo(
    () =>
      page
        ? readableChainIds(
            [...page.ancestors, page.unit],
            me.roles.map((role) => role.orgUnitId),
          )
        : new Set<string>(),
    [page, me.roles],
  );

  if (!page) {
    return (
      <div>
        <ApiErrorAlert error={error} onRetry={reload} />
        {loading && <div role="status">{t('app.loading')}</div>}
      </div>
    );
  }

  const { unit } = page;
  const township = unit.kind === 'township' ? unit : page.ancestors.find((a) => a.kind === 'township');
  const canManageOrg = can(me, 'org.manage') && childKindsOf(unit.kind).length > 0;
  const canManagePeople = can(me, 'person.manage');
  const canReadPeople = can(me, 'person.read');
  const head = page.posts.find((post) => post.role === 'grid_head');

  const afterChange = (text: string) => {
    message.success(text);
    reload();
    chain.reload();
  };

  const personName = (person: PostRow['person']) =>
    canReadPeople ? (
      <Link to={`/org/people/${encodeURIComponent(person.id)}`}>{person.name}</Link>
    ) : (
      person.name
    );

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { key: 'org', title: <Link to="/org">{t('nav.org')}</Link> },
          ...page.ancestors.map((ancestor) => ({
            key: ancestor.id,
            title: readable.has(ancestor.id) ? (
              <Link to={`/org/units/${encodeURIComponent(ancestor.id)}`}>{ancestor.name}</Link>
            ) : (
              ancestor.name
            ),
          })),
          { key: unit.id, title: <span aria-current="page">{unit.name}</span> },
        ]}
      />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap align="center">
        <Space wrap align="center">
          <Typography.Title level={2} style={{ margin: 0 }}>
            {unit.name}
          </Typography.Title>
          <Tag color="blue">{orgKindLabel(t, unit.kind)}</Tag>
        </Space>
        <Space wrap>
          {township && readable.has(township.id) && (unit.kind === 'township' || unit.kind === 'grid') && (
            <Link
              to={
                unit.kind === 'grid'
                  ? `/org/units/${encodeURIComponent(township.id)}/map?grid=${encodeURIComponent(unit.code)}`
                  : `/org/units/${encodeURIComponent(township.id)}/map`
              }
            >
              <EnvironmentOutlined aria-hidden />{' '}
              {unit.kind === 'grid' ? t('org.showOnMap') : t('org.gridMap')}
            </Link>
          )}
          {canManageOrg && (
            <Button icon={<ApartmentOutlined aria-hidden />} onClick={() => setAddingChild(true)}>
              {t('org.addChild')}
            </Button>
          )}
          {canManagePeople && (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAddingPost(true)}>
              {t('org.addPost')}
            </Button>
          )}
          {canManagePeople && isGrid && (
            <Button type="primary" icon={<SwapOutlined aria-hidden />} onClick={() => setHandingOver(true)}>
              {t('org.handOver')}
            </Button>
          )}
        </Space>
      </Space>
      <ApiErrorAlert error={error} onRetry={reload} />

      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 16 }}>
        <Card title={t('org.details')} size="small">
          <Descriptions
            column={{ xs: 1, sm: 2, lg: 3 }}
            size="small"
            items={[
              { key: 'name', label: t('org.name'), children: unit.name },
              ...(unit.fullName
                ? [{ key: 'fullName', label: t('org.fullName'), children: unit.fullName }]
                : []),
              { key: 'code', label: t('org.code'), children: unit.code },
              { key: 'kind', label: t('org.kind'), children: orgKindLabel(t, unit.kind) },
              ...(unit.gridType
                ? [{ key: 'gridType', label: t('org.gridType'), children: gridTypeLabel(t, unit.gridType) }]
                : []),
              { key: 'level', label: t('org.level'), children: unit.level },
              ...(unit.kind === 'grid' || unit.kind === 'township'
                ? [
                    {
                      key: 'boundary',
                      label: t('org.boundary'),
                      children: unit.hasBoundary ? t('org.boundaryYes') : t('org.boundaryNo'),
                    },
                  ]
                : []),
            ]}
          />
        </Card>

        {isGrid && (
          <ChainCard links={chain.data} loading={chain.loading} error={chain.error} onRetry={chain.reload} />
        )}

        <Card title={t('org.posts', { count: page.posts.length })} size="small">
          <PlainTable<PostRow>
            caption={t('org.postsCaption', { name: unit.name })}
            rows={page.posts}
            rowKey={(post) => post.id}
            empty={t('org.noPosts')}
            columns={[
              { key: 'role', title: t('org.role'), nowrap: true, render: (post) => roleLabel(t, post.role) },
              {
                key: 'name',
                title: t('org.personName'),
                nowrap: true,
                render: (post) => personName(post.person),
              },
              { key: 'title', title: t('org.postTitle'), render: (post) => post.title ?? '—' },
              {
                key: 'phone',
                title: t('org.phone'),
                nowrap: true,
                render: (post) => shown(post.person.phone),
              },
              {
                key: 'idNumber',
                title: t('org.idNumber'),
                nowrap: true,
                render: (post) => shown(post.person.idNumber),
              },
              { key: 'since', title: t('org.startsOn'), nowrap: true, render: (post) => post.startsOn },
              ...(canManagePeople
                ? [
                    {
                      key: 'actions',
                      title: t('org.actions'),
                      nowrap: true,
                      render: (post: PostRow) =>
                        post.role === 'grid_head' ? (
                          <Button
                            type="link"
                            size="small"
                            style={{ padding: 0 }}
                            onClick={() => setHandingOver(true)}
                          >
                            {t('org.handOver')}
                          </Button>
                        ) : (
                          <Button
                            type="link"
                            size="small"
                            danger
                            style={{ padding: 0 }}
                            aria-label={t('org.endPostNamed', {
                              name: post.person.name,
                              role: roleLabel(t, post.role),
                            })}
                            onClick={() =>
                              setEnding({
                                id: post.id,
                                role: post.role,
                                personName: post.person.name,
                                unitName: unit.name,
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

        {page.contractors.length > 0 && (
          <Card title={t('org.contractors', { count: page.contractors.length })} size="small">
            <PlainTable<ContractorRow>
              caption={t('org.contractorsCaption', { name: unit.name })}
              rows={page.contractors}
              rowKey={(row) => row.id}
              empty={t('common.none')}
              columns={[
                {
                  key: 'kind',
                  title: t('org.contractKind'),
                  nowrap: true,
                  render: (row) => contractKindLabel(t, row.kind),
                },
                {
                  key: 'name',
                  title: t('org.personName'),
                  nowrap: true,
                  render: (row) => personName(row.person),
                },
                { key: 'from', title: t('org.fromUnit'), render: (row) => row.fromUnitName },
                {
                  key: 'phone',
                  title: t('org.phone'),
                  nowrap: true,
                  render: (row) => shown(row.person.phone),
                },
                { key: 'since', title: t('org.startsOn'), nowrap: true, render: (row) => row.startsOn },
              ]}
            />
          </Card>
        )}

        {(page.children.length > 0 || unit.kind !== 'grid') && (
          <Card title={t('org.children', { count: page.children.length })} size="small">
            <PlainTable<OrgUnit>
              caption={t('org.childrenCaption', { name: unit.name })}
              rows={page.children}
              rowKey={(child) => child.id}
              empty={t('org.noChildren')}
              columns={[
                {
                  key: 'name',
                  title: t('org.name'),
                  render: (child) => (
                    <Link to={`/org/units/${encodeURIComponent(child.id)}`}>{child.name}</Link>
                  ),
                },
                { key: 'code', title: t('org.code'), nowrap: true, render: (child) => child.code },
                {
                  key: 'kind',
                  title: t('org.kind'),
                  nowrap: true,
                  render: (child) => orgKindLabel(t, child.kind),
                },
                {
                  key: 'gridType',
                  title: t('org.gridType'),
                  nowrap: true,
                  render: (child) => gridTypeLabel(t, child.gridType) || '—',
                },
              ]}
            />
          </Card>
        )}
      </div>

      <Suspense fallback={null}>
        {canManageOrg && (
          <AddUnitModal
            parent={unit}
            siblings={page.children}
            open={addingChild}
            onClose={() => setAddingChild(false)}
            onCreated={(created) => {
              setAddingChild(false);
              afterChange(t('org.unitCreated', { name: created.name }));
            }}
          />
        )}
        {canManagePeople && (
          <>
            <AddPostModal
              unit={unit}
              open={addingPost}
              onClose={() => setAddingPost(false)}
              onCreated={() => {
                setAddingPost(false);
                afterChange(t('org.postCreated'));
              }}
            />
            <EndPostModal
              post={ending}
              onClose={() => setEnding(null)}
              onEnded={() => {
                setEnding(null);
                afterChange(t('org.postEnded'));
              }}
            />
            {isGrid && (
              <HandOverModal
                grid={unit}
                currentHead={head ? { name: head.person.name, startsOn: head.startsOn } : null}
                open={handingOver}
                onClose={() => setHandingOver(false)}
                onDone={() => {
                  setHandingOver(false);
                  afterChange(t('org.handedOver'));
                }}
              />
            )}
          </>
        )}
      </Suspense>
    </div>
  );
}

/** Who answers for a grid, from the grid head up to the leaders who contract its township. */
function ChainCard({
  links,
  loading,
  error,
  onRetry,
}: {
  links: ChainLink[] | undefined;
  loading: boolean;
  error: Parameters<typeof ApiErrorAlert>[0]['error'];
  onRetry(): void;
}) {
  const t = useT();
  return (
    <Card title={t('org.chain')} size="small">
      <ApiErrorAlert error={error} onRetry={onRetry} />
      {!links ? (
        loading && <div role="status">{t('app.loading')}</div>
      ) : links.length === 0 ? (
        <Typography.Text type="secondary">{t('org.chainEmpty')}</Typography.Text>
      ) : (
        <ol
          aria-label={t('org.chain')}
          style={{ margin: 0, paddingInlineStart: 24, display: 'grid', gap: 6 }}
        >
          {links.map((link) => (
            <li key={`${link.link}-${link.unitId}-${link.personId}-${link.role}`}>
              <Typography.Text strong>{link.personName}</Typography.Text>
              {' · '}
              {link.link === 'contract'
                ? t('org.chainContract', {
                    kind: contractKindLabel(t, link.role),
                    unit: link.unitName,
                    from: link.fromUnitName ?? '—',
                  })
                : t('org.chainPost', { role: roleLabel(t, link.role), unit: link.unitName })}
              {link.phone && (
                <>
                  {' · '}
                  <Typography.Text type="secondary">{link.phone}</Typography.Text>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
