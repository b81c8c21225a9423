import { Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { useSetCourseUnlocks } from './api';
import { type Course, type GatedFeature, gatedFeatures } from './types';

/** What a course unlocks, changed in place (HQ); saved as soon as it changes. */
function UnlocksSelect({ course }: { course: Course }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const save = useSetCourseUnlocks();
  return (
    <Select<GatedFeature[]>
      mode="multiple"
      size="small"
      allowClear
      style={{ minWidth: 180 }}
      placeholder={t('training.unlocksNone')}
      value={course.unlocks}
      loading={save.isPending}
      options={gatedFeatures.map((f) => ({ value: f, label: t(`training.feature.${f}`) }))}
      onChange={(unlocks) =>
        save.mutate(
          { id: course.id, unlocks },
          {
            onSuccess: () => message.success(t('training.unlocksSaved')),
            onError: (error) => message.error(errorText(error), 6),
          },
        )
      }
      data-testid="course-unlocks-select"
    />
  );
}

export function CourseTable({ courses, editable = false }: { courses: Course[]; editable?: boolean }) {
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
        {
          key: 'unlocks',
          title: t('training.unlocks'),
          render: (_, c) =>
            editable ? (
              <UnlocksSelect course={c} />
            ) : c.unlocks.length ? (
              c.unlocks.map((f) => (
                <Tag key={f} color="blue">
                  {t(`training.feature.${f}`)}
                </Tag>
              ))
            ) : (
              '—'
            ),
        },
        { key: 'description', title: t('training.description'), render: (_, c) => c.description ?? '—' },
        { key: 'createdAt', title: t('common.createdAt'), render: (_, c) => formatDate(c.createdAt) },
      ]}
    />
  );
}
