import {
  Button,
  Card,
  Col,
  Empty,
  Progress,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRolloutDashboard, useRolloutMap } from '../../domains/rollout/api';
import type { MapSeries } from '../../domains/rollout/PointMap';
import { TargetsForm } from '../../domains/rollout/TargetsForm';
import type { CenterPoint, CenterStatus, CountyPoint, RolloutDashboard } from '../../domains/rollout/types';
import { recentMonths } from '../../ui/format';
import { PageLoading } from '../../ui/PageLoading';
import { QueryView } from '../../ui/QueryView';

// ECharts stays out of the console's first load; every chart of the page shares one chunk of it.
const ProgressChart = lazy(() => import('../../domains/rollout/ProgressChart'));
const FunnelChart = lazy(() => import('../../domains/rollout/FunnelChart'));
const NationalGmvChart = lazy(() => import('../../domains/rollout/NationalGmvChart'));
const PointMap = lazy(() => import('../../domains/rollout/PointMap'));

const spans = [6, 12, 24] as const;
const statusColors: Record<CenterStatus, string> = {
  open: '#389e0d',
  planned: '#1677ff',
  suspended: '#fa8c16',
  closed: '#8c8c8c',
};

/** HQ's national rollout: progress against the targets, the funnel, GMV both ways, and the map. */
export function RolloutPage() {
  const { t } = useTranslation();
  const [span, setSpan] = useState<(typeof spans)[number]>(12);
  const months = recentMonths(span);
  const dashboard = useRolloutDashboard(months.at(-1)!, months[0]!);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <QueryView query={dashboard}>
        {(d) => (
          <Row gutter={[24, 24]}>
            <Col xs={24}>
              <Totals d={d} />
            </Col>
            <Col xs={24} lg={16}>
              <Card
                title={t('rollout.progressChart')}
                extra={
                  <Segmented
                    value={span}
                    onChange={(v) => setSpan(v as (typeof spans)[number])}
                    options={spans.map((n) => ({ value: n, label: t('rollout.lastMonths', { n }) }))}
                  />
                }
              >
                <Suspense fallback={<PageLoading />}>
                  <ProgressChart months={d.months} targets={d.targets} />
                </Suspense>
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card title={t('rollout.targets')}>
                <TargetsForm key={d.targets.setAt ?? 'default'} targets={d.targets} />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card title={t('rollout.funnelChart')}>
                <Suspense fallback={<PageLoading />}>
                  <FunnelChart funnel={d.funnel} />
                </Suspense>
              </Card>
            </Col>
            <Col xs={24} lg={16}>
              <Card title={t('rollout.gmvChart')}>
                <Suspense fallback={<PageLoading />}>
                  <NationalGmvChart months={d.months} />
                </Suspense>
              </Card>
            </Col>
          </Row>
        )}
      </QueryView>
      <NetworkMap />
    </Space>
  );
}

function Totals({ d }: { d: RolloutDashboard }) {
  const { t } = useTranslation();
  const { totals, targets, progress } = d;
  return (
    <Card data-testid="rollout-totals">
      <Row gutter={[24, 24]}>
        <Col xs={24} md={12} lg={6}>
          <Statistic title={t('rollout.counties')} value={totals.counties} suffix={`/ ${targets.counties}`} />
          <Progress percent={progress.countiesPercent} size="small" />
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Statistic
            title={t('rollout.centersOpen')}
            value={totals.centers.open}
            suffix={`/ ${targets.centers}`}
          />
          <Progress percent={progress.centersPercent} size="small" />
        </Col>
        <Col xs={12} lg={4}>
          <Statistic title={t('rollout.provincesCovered')} value={totals.provincesCovered} />
        </Col>
        <Col xs={12} lg={4}>
          <Statistic title={t('rollout.partnersCertified')} value={totals.partnersCertified} />
        </Col>
        <Col xs={24} lg={4}>
          <Space wrap size={4}>
            {(Object.keys(statusColors) as CenterStatus[]).map((s) => (
              <Tag key={s} color={statusColors[s]}>
                {t(`rollout.status.${s}`)} {totals.centers[s]}
              </Tag>
            ))}
          </Space>
          {targets.targetDate && (
            <div style={{ marginTop: 8 }}>{t('rollout.by', { date: targets.targetDate })}</div>
          )}
        </Col>
      </Row>
    </Card>
  );
}

/** Counties where their hub is, sized by open centres; a click shows the county's centres. */
function NetworkMap() {
  const { t } = useTranslation();
  const [countyId, setCountyId] = useState<string | null>(null);
  const map = useRolloutMap(countyId);
  const county = map.data?.counties.find((c) => c.id === countyId) ?? null;
  const countySeries = useMemo(() => countiesSeries(map.data?.counties ?? [], t), [map.data?.counties, t]);
  const centreSeries = useMemo(() => centersSeries(map.data?.centers ?? [], t), [map.data?.centers, t]);
  return (
    <Card
      title={t('rollout.map')}
      extra={
        // The same choice as a click on the map, for keyboards and screen readers.
        <Select
          showSearch
          allowClear
          optionFilterProp="label"
          placeholder={t('rollout.pickCounty')}
          aria-label={t('rollout.pickCounty')}
          style={{ width: 220 }}
          value={countyId ?? undefined}
          onChange={(id: string | undefined) => setCountyId(id ?? null)}
          options={(map.data?.counties ?? []).map((c) => ({
            value: c.id,
            label: `${c.province} · ${c.name}`,
          }))}
          data-testid="rollout-county-select"
        />
      }
    >
      <QueryView query={map}>
        {(data) =>
          data.counties.length === 0 ? (
            <Empty description={t('rollout.noCounties')} />
          ) : (
            <Suspense fallback={<PageLoading />}>
              <PointMap
                series={countySeries}
                onSelect={setCountyId}
                testId="rollout-map"
                label={t('rollout.map')}
              />
            </Suspense>
          )
        }
      </QueryView>
      {county && map.data?.centers && (
        <Card
          type="inner"
          style={{ marginTop: 16 }}
          title={t('rollout.countyCenters', { county: county.name, province: county.province })}
          extra={<Button onClick={() => setCountyId(null)}>{t('rollout.closeCounty')}</Button>}
          data-testid="rollout-county"
        >
          {map.data.centers.length === 0 ? (
            <Empty description={t('rollout.noCenters')} />
          ) : (
            <Row gutter={[24, 24]}>
              <Col xs={24} lg={14}>
                <Suspense fallback={<PageLoading />}>
                  <PointMap
                    series={centreSeries}
                    height={360}
                    testId="rollout-county-map"
                    label={t('rollout.countyCenters', { county: county.name, province: county.province })}
                  />
                </Suspense>
              </Col>
              <Col xs={24} lg={10}>
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={map.data.centers}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  columns={[
                    { title: t('rollout.center'), dataIndex: 'name' },
                    { title: t('rollout.village'), dataIndex: 'villageName' },
                    {
                      title: t('rollout.centerStatus'),
                      dataIndex: 'status',
                      render: (s: CenterStatus) => (
                        <Tag color={statusColors[s]}>{t(`rollout.status.${s}`)}</Tag>
                      ),
                    },
                  ]}
                />
              </Col>
            </Row>
          )}
        </Card>
      )}
    </Card>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

function countiesSeries(counties: CountyPoint[], t: T): MapSeries[] {
  const point = (c: CountyPoint) => ({
    id: c.id,
    name: c.name,
    lat: c.lat,
    lon: c.lon,
    // Area, not radius, grows with the open centres, and the biggest county stays a dot.
    size: Math.min(48, 6 + Math.sqrt(c.centers.open) * 3),
    tip: [
      `${c.province} · ${c.name}`,
      t('rollout.tipCenters', { open: c.centers.open, planned: c.centers.planned }),
    ],
  });
  return [
    {
      name: t('rollout.countiesWithOpen'),
      color: statusColors.open,
      points: counties.filter((c) => c.centers.open > 0).map(point),
    },
    {
      name: t('rollout.countiesWithoutOpen'),
      color: statusColors.closed,
      points: counties.filter((c) => c.centers.open === 0).map(point),
    },
  ];
}

function centersSeries(centers: CenterPoint[], t: T): MapSeries[] {
  return (Object.keys(statusColors) as CenterStatus[]).map((status) => ({
    name: t(`rollout.status.${status}`),
    color: statusColors[status],
    points: centers
      .filter((c) => c.status === status)
      .map((c) => ({
        id: c.id,
        name: c.name,
        lat: c.lat,
        lon: c.lon,
        size: 10,
        tip: [c.name, `${c.villageName} · ${t(`rollout.status.${status}`)}`],
      })),
  }));
}
