import { Button, Card, Col, Drawer, Row, Segmented, Statistic, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../api/auth';
import { useVillages } from '../../domains/network/api';
import { ApplicationDetail } from '../../domains/recruitment/ApplicationDetail';
import { ApplicationForm } from '../../domains/recruitment/ApplicationForm';
import { ApplicationStatusTag } from '../../domains/recruitment/ApplicationStatusTag';
import { useApplications, usePipeline } from '../../domains/recruitment/api';
import {
  type Application,
  type ApplicationStatus,
  applicationStatuses,
} from '../../domains/recruitment/types';
import { useMessage } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { QueryView } from '../../ui/QueryView';

/** The county's recruitment pipeline: the funnel, the applications, and each one's decision. */
export function RecruitmentPage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const message = useMessage();
  const [status, setStatus] = useState<ApplicationStatus | 'all'>('all');
  const [openId, setOpenId] = useState<string | null>(null);
  const applications = useApplications(countyId, status === 'all' ? undefined : status);
  const pipeline = usePipeline(countyId);
  const villages = useVillages(countyId);
  const villageNames = new Map((villages.data ?? []).map((v) => [v.id, v.name]));
  // HQ follows the pipeline; deciding is the county's own staff's job.
  const isStaff = useUser().role === 'county_staff';
  const stages = ['submitted', 'interviewed', 'approved', 'certified', 'open'] as const;

  return (
    <Row gutter={[24, 24]}>
      <Col span={24}>
        <Card title={t('recruitment.pipeline')}>
          <QueryView query={pipeline}>
            {(p) => (
              <Row gutter={16} data-testid="pipeline">
                {stages.map((s) => (
                  <Col key={s} xs={12} md={4}>
                    <Statistic
                      title={t(`recruitment.stage.${s}`)}
                      value={s === 'certified' || s === 'open' ? p[s] : p.stages[s]}
                    />
                  </Col>
                ))}
                <Col xs={12} md={4}>
                  <Statistic title={t('recruitment.stage.rejected')} value={p.stages.rejected} />
                </Col>
              </Row>
            )}
          </QueryView>
        </Card>
      </Col>
      <Col xs={24} xl={isStaff ? 16 : 24}>
        <Card
          title={t('recruitment.applications')}
          extra={
            <Segmented
              value={status}
              onChange={(v) => setStatus(v as ApplicationStatus | 'all')}
              options={[
                { value: 'all', label: t('recruitment.all') },
                ...applicationStatuses.map((s) => ({ value: s, label: t(`recruitment.status.${s}`) })),
              ]}
            />
          }
        >
          <QueryView query={applications}>
            {(items) => (
              <Table<Application>
                rowKey="id"
                size="middle"
                dataSource={items}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                data-testid="application-table"
                columns={[
                  { key: 'name', title: t('recruitment.name'), dataIndex: 'name' },
                  {
                    key: 'village',
                    title: t('recruitment.village'),
                    render: (_, a) => villageNames.get(a.villageId) ?? '—',
                  },
                  {
                    key: 'profile',
                    title: t('recruitment.profile'),
                    render: (_, a) => t(`recruitment.profiles.${a.profile}`),
                  },
                  {
                    key: 'score',
                    title: t('recruitment.score'),
                    render: (_, a) => `${a.score} / ${a.maxScore}`,
                    sorter: (x, y) => x.score / x.maxScore - y.score / y.maxScore,
                  },
                  {
                    key: 'status',
                    title: t('recruitment.status.label'),
                    render: (_, a) => <ApplicationStatusTag status={a.status} />,
                  },
                  {
                    key: 'source',
                    title: t('recruitment.source'),
                    render: (_, a) => t(`recruitment.sources.${a.source}`),
                  },
                  {
                    key: 'createdAt',
                    title: t('common.createdAt'),
                    render: (_, a) => formatDate(a.createdAt),
                  },
                  {
                    key: 'open',
                    title: '',
                    render: (_, a) => (
                      <Button size="small" onClick={() => setOpenId(a.id)} data-testid="application-open">
                        {t('recruitment.view')}
                      </Button>
                    ),
                  },
                ]}
              />
            )}
          </QueryView>
        </Card>
      </Col>
      {isStaff && (
        <Col xs={24} xl={8}>
          <Card title={t('recruitment.new')}>
            <QueryView query={villages}>
              {(items) => (
                <ApplicationForm
                  countyId={countyId}
                  villages={items}
                  anonymous={false}
                  onSubmitted={(s, name) =>
                    message.success(t('recruitment.filed', { name, score: s.score, max: s.maxScore }))
                  }
                />
              )}
            </QueryView>
          </Card>
        </Col>
      )}
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        title={t('recruitment.application')}
        size={560}
        destroyOnHidden
      >
        {openId && <ApplicationDetail id={openId} countyId={countyId} canDecide={isStaff} />}
      </Drawer>
    </Row>
  );
}
