import { Card, Col, Descriptions, Empty, Input, Row, Spin, Tree, type TreeDataNode, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useDocumentTitle, useT } from '../../i18n/i18n.tsx';
import { orgKindLabel } from '../../i18n/translate.ts';
import { filterOrgTree, type OrgNode, parentIds } from './org-tree.ts';
import { useOrgUnits } from './use-org-units.ts';

function toTreeData(nodes: readonly OrgNode[]): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.unit.id,
    title: (
      <span>
        {node.unit.name}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {node.unit.code}
        </Typography.Text>
      </span>
    ),
    children: toTreeData(node.children),
  }));
}

export function OrgPage() {
  const t = useT();
  useDocumentTitle(t('nav.org'));
  const { data, error, loading, reload, tree } = useOrgUnits();
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const filtered = useMemo(() => filterOrgTree(tree, query), [tree, query]);
  const treeData = useMemo(() => toTreeData(filtered), [filtered]);
  // Start with the top three levels in sight (roots and their children open); while searching, open every match.
  const defaultExpanded = useMemo(
    () =>
      query.trim()
        ? parentIds(filtered)
        : tree.flatMap((root) => [root.unit.id, ...root.children.map((child) => child.unit.id)]),
    [filtered, tree, query],
  );
  const selected = data?.find((unit) => unit.id === selectedId) ?? null;
  const parent = selected?.parentId ? data?.find((unit) => unit.id === selected.parentId) : undefined;

  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('nav.org')}
      </Typography.Title>
      <ApiErrorAlert error={error} onRetry={reload} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={14}>
          <Card>
            <Input.Search
              allowClear
              placeholder={t('org.search')}
              aria-label={t('org.search')}
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setExpanded(null);
              }}
              style={{ marginBottom: 12 }}
            />
            {loading && !data ? (
              <Spin />
            ) : treeData.length === 0 ? (
              <Empty description={query.trim() ? t('org.noMatch') : t('org.empty')} />
            ) : (
              <Tree
                showLine
                treeData={treeData}
                expandedKeys={expanded ?? defaultExpanded}
                onExpand={(keys) => setExpanded(keys.map(String))}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => setSelectedId(keys[0] === undefined ? null : String(keys[0]))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={10}>
          <Card title={t('org.details')}>
            {selected ? (
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'name', label: t('org.name'), children: selected.name },
                  { key: 'code', label: t('org.code'), children: selected.code },
                  { key: 'kind', label: t('org.kind'), children: orgKindLabel(t, selected.kind) },
                  { key: 'level', label: t('org.level'), children: selected.level },
                  // A parent outside the caller's scope is not listed, so it is not named either.
                  ...(parent ? [{ key: 'parent', label: t('org.parent'), children: parent.name }] : []),
                ]}
              />
            ) : (
              <Typography.Text type="secondary">{t('org.selectHint')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
