import { AimOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { serverFieldProps } from '../../../components/form-errors.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type ApiError, api, asApiError } from '../../../lib/api.ts';
import type { OrgUnit, Person } from '../../../lib/api-types.ts';
import { can, useMe } from '../../../session/session.tsx';
import { parseDegrees } from './geo.ts';
import { gridAt, type MapModel } from './map-model.ts';

/** Where a point fell. */
export interface Located {
  /** [lng, lat]. */
  point: [number, number];
  code: string;
  name: string;
  gridId: string | null;
  inThisTownship: boolean;
  community: Pick<OrgUnit, 'id' | 'name'> | null;
  township: Pick<OrgUnit, 'id' | 'name'> | null;
  /** Known when the server answered (grid.locate); the map alone does not know it. */
  gridHead: Person | null | undefined;
  /** 'server': the grid index answered; 'map': found among this map's polygons. */
  source: 'server' | 'map';
}

interface Values {
  lat: string;
  lng: string;
}

/**
 * "Locate a point": latitude and longitude (WGS 84) → the grid that holds it, highlighted on
 * the map. With grid.locate (every business role) the server's grid index answers, with the
 * grid head; without it (the system administrator) the point is looked up among the
 * polygons of this map.
 */
export function LocatePanel({
  township,
  model,
  located,
  onLocated,
}: {
  township: Pick<OrgUnit, 'id' | 'name'>;
  model: MapModel;
  located: Located | null;
  onLocated(result: Located | null): void;
}) {
  const { locale, t } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missed, setMissed] = useState<[number, number] | null>(null);
  const useServer = can(me, 'grid.locate');

  const onFinish = async (values: Values) => {
    const lat = parseDegrees(values.lat, 90);
    const lng = parseDegrees(values.lng, 180);
    if (lat === null || lng === null || busy) return;
    setBusy(true);
    setError(null);
    setMissed(null);
    try {
      if (useServer) {
        const answer = await api.locateGrid({ lat, lng });
        onLocated({
          point: [lng, lat],
          code: answer.grid.code,
          name: answer.grid.name,
          gridId: answer.grid.id,
          inThisTownship: answer.township?.id === township.id,
          community: answer.community,
          township: answer.township,
          gridHead: answer.gridHead,
          source: 'server',
        });
      } else {
        const grid = gridAt(model, lng, lat);
        if (!grid) {
          setMissed([lat, lng]);
          onLocated(null);
        } else {
          onLocated({
            point: [lng, lat],
            code: grid.code,
            name: grid.name,
            gridId: null,
            inThisTownship: true,
            community: null,
            township,
            gridHead: undefined,
            source: 'map',
          });
        }
      }
    } catch (caught) {
      const failure = asApiError(caught);
      onLocated(null);
      if (failure.status === 404) setMissed([lat, lng]);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const degreesRule = (limit: 90 | 180, message: string) => ({
    validator: (_rule: unknown, value: string | undefined) =>
      !value || parseDegrees(value, limit) !== null ? Promise.resolve() : Promise.reject(new Error(message)),
  });

  return (
    <Card size="small" title={t('map.locate')}>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        onValuesChange={() => {
          if (error) setError(null);
        }}
      >
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))',
            gap: '0 12px',
          }}
        >
          <Form.Item
            name="lat"
            label={t('map.lat')}
            rules={[{ required: true, message: t('map.latRequired') }, degreesRule(90, t('map.latInvalid'))]}
            {...serverFieldProps(error, 'lat', locale)}
          >
            <Input inputMode="decimal" autoComplete="off" placeholder="36.0012" />
          </Form.Item>
          <Form.Item
            name="lng"
            label={t('map.lng')}
            rules={[{ required: true, message: t('map.lngRequired') }, degreesRule(180, t('map.lngInvalid'))]}
            {...serverFieldProps(error, 'lng', locale)}
          >
            <Input inputMode="decimal" autoComplete="off" placeholder="119.4012" />
          </Form.Item>
        </div>
        <Button htmlType="submit" icon={<AimOutlined aria-hidden />} loading={busy}>
          {t('map.locateSubmit')}
        </Button>
      </Form>
      <div aria-live="polite" style={{ marginTop: 12 }}>
        <ApiErrorAlert error={error && !error.field ? error : null} />
        {missed && (
          <Alert
            type="warning"
            showIcon
            title={t(useServer ? 'map.locateNone' : 'map.locateNoneHere', {
              lat: missed[0],
              lng: missed[1],
              name: township.name,
            })}
          />
        )}
        {located && <LocatedResult located={located} />}
      </div>
    </Card>
  );
}

function LocatedResult({ located }: { located: Located }) {
  const { t } = useI18n();
  const gridLink = located.gridId ? (
    <Link to={`/org/units/${encodeURIComponent(located.gridId)}`}>{located.name}</Link>
  ) : (
    located.name
  );
  return (
    <Alert
      type={located.inThisTownship ? 'success' : 'info'}
      showIcon
      title={
        <span data-located-grid={located.code}>
          {t('map.locatedIn')} {gridLink} <span style={{ whiteSpace: 'nowrap' }}>{located.code}</span>
        </span>
      }
      description={
        <div style={{ display: 'grid', gap: 2 }}>
          {located.community && <div>{t('map.locatedCommunity', { name: located.community.name })}</div>}
          {!located.inThisTownship && located.township && (
            <div>
              {t('map.locatedElsewhere', { name: located.township.name })}{' '}
              <Link
                to={`/org/units/${encodeURIComponent(located.township.id)}/map?grid=${encodeURIComponent(located.code)}`}
              >
                {t('map.openThatMap')}
              </Link>
            </div>
          )}
          {located.gridHead !== undefined && (
            <div>
              {located.gridHead
                ? t('map.locatedHead', {
                    name: located.gridHead.name,
                    phone: located.gridHead.phone ?? '—',
                  })
                : t('map.locatedNoHead')}
            </div>
          )}
          {located.source === 'map' && <div>{t('map.locatedByMap')}</div>}
        </div>
      }
    />
  );
}
