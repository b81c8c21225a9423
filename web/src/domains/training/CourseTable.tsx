import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import type { Course } from './types';

export function CourseTable({ courses }: { courses: Course[] }) {
  const { t } = useTranslation();
  return (
    <Table<Course>
      rowKey="id"
      size="middle"
      dataSource={courses}
      pagination={false}
      data-testid="course-table"
      columns={[
        { key: 'title', title: t('training.courseTitle'), dataIndex: 'title' },
        {
          key: 'required',
          title: t('training.kind'),
          render: (_, c) =>
            c.requiredForOpening ? (
              <Tag color="red">{t('training.required')}</Tag>
            ) : (
              <Tag>{t('training.optional')}</Tag>
            ),
        },
        { key: 'description', title: t('training.description'), render: (_, c) => c.description ?? '—' },
        { key: 'createdAt', title: t('common.createdAt'), render: (_, c) => formatDate(c.createdAt) },
      ]}
    />
  );
}
