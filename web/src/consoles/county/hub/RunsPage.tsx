import { Alert, Button, Card, Col, DatePicker, Row, Space, Spin, Tag } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDispatchRun, usePlanRuns, useRuns, useVehicles } from '../../../domains/logistics/api';
import { localDate, type Run } from '../../../domains/logistics/types';
import { useCenters } from '../../../domains/network/api';
import { useErrorText } from '../../../ui/errors';
import { useMessage } from '../../../ui/feedback';
import { QueryView } from '../../../ui/QueryView';
import { VehiclesCard } from './VehiclesCard';

// ECharts is large and only this page draws with it: fetch it once the day has runs to show.
const RunMap = lazy(() => import('./RunMap'));

/** The day's runs: plan them from the parcels waiting at the hub, then send each van off. */
export default function RunsPage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(localDate);
  const runs = useRuns(countyId, date);
  const vehicles = useVehicles(countyId);
  const centers = useCenters(countyId);
  const plan = usePlanRuns(countyId);
  const dispatch = useDispatchRun();
  const message = useMessage();
  const errorText = useErrorText();
  const centerName = (id: string) => centers.data?.find((c) => c.id === id)?.name ?? id;
  const vehicleName = (id: string) => vehicles.data?.find((v) => v.id === id)?.name ?? id;
  // Only the latest plan knows what was left over; runs read back from the server do not.
  const unplanned = plan.data && plan.variables === date ? plan.data.unplanned : [];
  const uncollected = plan.data && plan.variables === date ? plan.data.uncollected : [];

  const runCard = (run: Run) => (
    <Card
      key={run.id}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="run-card"
      title={
        <Space>
          {vehicleName(run.vehicleId)}
          <span>{t('runs.trip', { trip: run.trip })}</span>
          <Tag color={run.status === 'dispatched' ? 'green' : 'blue'}>{t(`runs.status.${run.status}`)}</Tag>
        </Space>
      }
      extra={
        <Space>
          <Link to={`/county/runs/${run.id}/sheet`}>{t('runs.sheet')}</Link>
          {run.status === 'planned' && (
            <Button
              type="primary"
              size="small"
              data-testid="dispatch-run"
              loading={dispatch.isPending && dispatch.variables === run.id}
              onClick={() =>
                dispatch.mutate(run.id, {
                  onSuccess: () => message.success(t('runs.dispatched')),
                  onError: (e) => message.error(errorText(e)),
                })
              }
            >
              {t('runs.dispatch')}
            </Button>
          )}
        </Space>
      }
    >
      <div style={{ marginBottom: 8 }}>
        {t('runs.figures', {
          km: run.distanceKm.toFixed(1),
          minutes: Math.round(run.durationMinutes),
          kg: run.loadKg.toFixed(1),
        })}
      </div>
      <ol style={{ margin: 0, paddingLeft: 20 }}>
        {run.stops.map((s) => (
          <li key={`${s.centerId}-${s.sequence}`} data-testid="run-stop">
            {centerName(s.centerId)} · {t('runs.parcelCount', { count: s.parcelIds.length })}
            {s.collectParcelIds.length > 0 &&
              ` · ${t('runs.collectCount', { count: s.collectParcelIds.length })}`}
          </li>
        ))}
      </ol>
    </Card>
  );

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={16}>
        <Space style={{ marginBottom: 16 }}>
          <DatePicker
            value={dayjs(date)}
            allowClear={false}
            onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
            aria-label={t('runs.date')}
          />
          <Button
            type="primary"
            data-testid="plan-runs"
            loading={plan.isPending}
            onClick={() =>
              plan.mutate(date, {
                onSuccess: (p) => message.success(t('runs.planned', { count: p.runs.length })),
                onError: (e) => message.error(errorText(e)),
              })
            }
          >
            {t('runs.plan')}
          </Button>
        </Space>
        {unplanned.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="unplanned"
            title={t('runs.unplanned', { count: unplanned.length })}
          />
        )}
        {uncollected.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="uncollected"
            title={t('runs.uncollected', { count: uncollected.length })}
          />
        )}
        <QueryView query={runs}>
          {(items) =>
            items.length ? (
              <>
                <Card size="small" title={t('runs.map.title')} style={{ marginBottom: 16 }}>
                  <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
                    <RunMap countyId={countyId} runs={items} />
                  </Suspense>
                </Card>
                {items.map(runCard)}
              </>
            ) : (
              <Alert type="info" title={t('runs.none')} />
            )
          }
        </QueryView>
      </Col>
      <Col xs={24} xl={8}>
        <VehiclesCard countyId={countyId} />
      </Col>
    </Row>
  );
}
