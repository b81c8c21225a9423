import { Card, Col, DatePicker, Row, Segmented } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FollowUpStatus, useCountyVisits, useFollowUps } from '../../domains/field-visits/api';
import { FollowUpTable } from '../../domains/field-visits/FollowUpTable';
import { VisitForm } from '../../domains/field-visits/VisitForm';
import { VisitTable } from '../../domains/field-visits/VisitTable';
import { useCenters } from '../../domains/network/api';
import { QueryView } from '../../ui/QueryView';

/** The county's field visits: what is still to do after them, the visits, and a form to log one. */
export function VisitsPage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const centers = useCenters(countyId);
  const centerNames = new Map((centers.data ?? []).map((c) => [c.id, c.name]));
  const [status, setStatus] = useState<FollowUpStatus>('open');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const day = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DD');
  const followUps = useFollowUps(countyId, status);
  const from = day(range?.[0]);
  const to = day(range?.[1]);
  const visits = useCountyVisits(countyId, { ...(from ? { from } : {}), ...(to ? { to } : {}) });

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={16}>
        <Card
          title={t('visits.followUps')}
          style={{ marginBottom: 24 }}
          extra={
            <Segmented<FollowUpStatus>
              value={status}
              onChange={setStatus}
              options={(['open', 'overdue', 'done'] as const).map((s) => ({
                value: s,
                label: t(`visits.status.${s}`),
              }))}
              data-testid="follow-up-status"
            />
          }
        >
          <QueryView query={followUps}>
            {(items) => <FollowUpTable followUps={items} centerNames={centerNames} />}
          </QueryView>
        </Card>
        <Card
          title={t('visits.list')}
          extra={
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={range}
              onChange={(v) => setRange(v)}
              aria-label={t('visits.range')}
            />
          }
        >
          <QueryView query={visits}>
            {(items) => <VisitTable visits={items} centerNames={centerNames} />}
          </QueryView>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('visits.log')}>
          <QueryView query={centers}>
            {(items) => <VisitForm countyId={countyId} centers={items} />}
          </QueryView>
        </Card>
      </Col>
    </Row>
  );
}
