import { Card, Col, Row, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../api/auth';
import { useCertification, useCourses, useSessions } from '../../domains/training/api';
import { CertificationTag } from '../../domains/training/CertificationTag';
import { SessionAttendance } from '../../domains/training/SessionAttendance';
import { SessionForm } from '../../domains/training/SessionForm';
import type { Certification, TrainingSession } from '../../domains/training/types';
import { formatDateTime } from '../../ui/format';
import { QueryView } from '../../ui/QueryView';

/** The county's training: sessions with attendance, and where each partner stands. */
export function TrainingPage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const sessions = useSessions(countyId);
  const courses = useCourses();
  const certification = useCertification(countyId);
  // HQ sees the same page; sessions and results are the county staff's to record.
  const isStaff = useUser().role === 'county_staff';
  const titles = new Map((courses.data ?? []).map((c) => [c.id, c.title]));
  const partners = certification.data ?? [];

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={16}>
        <Card title={t('training.sessions')}>
          <QueryView query={sessions}>
            {(items) => (
              <Table<TrainingSession>
                rowKey="id"
                size="middle"
                dataSource={items}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                data-testid="session-table"
                expandable={{
                  expandedRowRender: (s) => (
                    <SessionAttendance
                      countyId={countyId}
                      sessionId={s.id}
                      partners={partners}
                      canRecord={isStaff}
                    />
                  ),
                }}
                columns={[
                  {
                    key: 'course',
                    title: t('training.course'),
                    render: (_, s) => titles.get(s.courseId) ?? '—',
                  },
                  {
                    key: 'startsAt',
                    title: t('training.startsAt'),
                    render: (_, s) => formatDateTime(s.startsAt),
                  },
                  { key: 'trainer', title: t('training.trainer'), dataIndex: 'trainer' },
                  { key: 'location', title: t('training.location'), render: (_, s) => s.location ?? '—' },
                ]}
              />
            )}
          </QueryView>
        </Card>
        <Card title={t('training.board')} style={{ marginTop: 24 }}>
          <QueryView query={certification}>
            {(items) => (
              <Table<Certification>
                rowKey="userId"
                size="middle"
                dataSource={items}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                data-testid="certification-table"
                columns={[
                  { key: 'name', title: t('training.partner'), dataIndex: 'displayName' },
                  {
                    key: 'status',
                    title: t('training.status'),
                    render: (_, p) => <CertificationTag certification={p} />,
                  },
                  {
                    key: 'certificates',
                    title: t('training.certificates'),
                    render: (_, p) => (
                      <Space size={4} wrap>
                        {p.certificates.map((c) => (
                          <Tag key={c.id} title={c.certificateNo}>
                            {c.courseTitle}
                          </Tag>
                        ))}
                      </Space>
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
          <Card title={t('training.newSession')}>
            <QueryView query={courses}>
              {(items) => <SessionForm countyId={countyId} courses={items} />}
            </QueryView>
          </Card>
        </Col>
      )}
    </Row>
  );
}
