import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Space, Tree, type TreeDataNode, Typography, theme } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useDocumentTitle, useT } from '../../i18n/i18n.tsx';
import { orgKindLabel, type Translate } from '../../i18n/translate.ts';
import { type OrgNode, openToDepth, searchOrgTree } from './org-tree.ts';
import { useOrgUnits } from './use-org-units.ts';

type Token = ReturnType<typeof theme.useToken>['token'];

function toTreeData(
  nodes: readonly OrgNode[],
  matchIds: Set<string>,
  t: Translate,
  token: Token,
): TreeDataNode[] {
  return nodes.map((node) => {
    const hit = matchIds.has(node.unit.id);
    return {
      key: node.unit.id,
      title: (
        <span>
          {hit ? (
            <mark style={{ background: token.colorWarningBg, padding: 0, fontWeight: 600 }}>
              {node.unit.name}
            </mark>
          ) : (
            <span>{node.unit.name}</span>
          )}{' '}
          <span style={{ color: token.colorTextSecondary, fontSize: 12 }}>
            {orgKindLabel(t, node.unit.kind)} {node.unit.code}
          </span>
        </span>
      ),
      children: toTreeData(node.children, matchIds, t, token),
    };
  });
}

/**
 * The org tree of the reader's scope (org.read), searchable by name or code: a search keeps
 * the matches with their ancestors and opens the tree down to them. Choosing a unit opens
 * its page. The search lives in the address (?q=), so coming back keeps it.
 */
export function OrgPage() {
  const t = useT();
  const { token } = theme.useToken();
  useDocumentTitle(t('nav.org'));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const deferredQuery = useDeferredValue(query);
  const { data, error, loading, reload, tree } = useOrgUnits();
  // The branches the reader opened or closed by hand, until the search changes.
  const [expanded, setExpanded] = useState<{ query: string; keys: string[] } | null>(null);

  const search = useMemo(() => searchOrgTree(tree, deferredQuery), [tree, deferredQuery]);
  const treeData = useMemo(() => toTreeData(search.roots, search.matchIds, t, token), [search, t, token]);
  const searching = deferredQuery.trim() !== '';
  // Without a search: the top three levels (city, district, townships) in sight.
  const opening = useMemo(
    () => (searching ? search.expanded : openToDepth(tree, 2)),
    [searching, search, tree],
  );
  const expandedKeys = expanded?.query === deferredQuery ? expanded.keys : opening;

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('nav.org')}
        </Typography.Title>
        {/* The whole tree of the scope, a unit a row with its parent (the search only finds its way in it). */}
        <Button
          href="/api/org/units.xlsx"
          download
          icon={<DownloadOutlined aria-hidden />}
          title={t('orgList.exportHint')}
        >
          {t('list.export')}
        </Button>
      </Space>
      <ApiErrorAlert error={error} onRetry={reload} />
      <Card>
        <label htmlFor="org-search" style={{ display: 'block', marginBottom: 4 }}>
          {t('org.search')}
        </label>
        <Input.Search
          id="org-search"
          allowClear
          placeholder={t('org.searchPlaceholder')}
          value={query}
          onChange={(event) => {
            const next = event.target.value;
            setParams(next ? { q: next } : {}, { replace: true });
          }}
          style={{ marginBottom: 8, maxWidth: 480 }}
        />
        <p id="org-tree-hint" style={{ margin: '0 0 8px', color: token.colorTextSecondary, fontSize: 12 }}>
          {t('org.treeHint')}
        </p>
        <div aria-live="polite" style={{ marginBottom: 8, minHeight: 22 }}>
          {searching && data && (
            <Typography.Text type="secondary">
              {t('org.matches', { count: search.matchIds.size })}
            </Typography.Text>
          )}
        </div>
        {loading && !data ? (
          <div role="status">{t('app.loading')}</div>
        ) : treeData.length === 0 ? (
          <Empty description={searching ? t('org.noMatch') : t('org.empty')} />
        ) : (
          <Tree
            showLine
            blockNode
            aria-label={t('org.treeLabel')}
            aria-describedby="org-tree-hint"
            // Only the rows in view are drawn: a city holds thousands of units.
            height={560}
            treeData={treeData}
            expandedKeys={expandedKeys}
            onExpand={(keys) => setExpanded({ query: deferredQuery, keys: keys.map(String) })}
            selectedKeys={[]}
            onSelect={(keys) => {
              const id = keys[0];
              if (id !== undefined) navigate(`/org/units/${encodeURIComponent(String(id))}`);
            }}
          />
        )}
      </Card>
    </div>
  );
}
