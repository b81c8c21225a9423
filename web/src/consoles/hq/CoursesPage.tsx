import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCourses } from '../../domains/training/api';
import { CourseForm } from '../../domains/training/CourseForm';
import { CourseTable } from '../../domains/training/CourseTable';
import { QueryView } from '../../ui/QueryView';

/**
 * National courses; those required for opening gate every new centre, and what each unlocks
 * (returns, upstream listings) is edited in place.
 */
export function CoursesPage() {
  const { t } = useTranslation();
  const courses = useCourses();
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={16}>
        <Card title={t('training.courses')}>
          <QueryView query={courses}>{(items) => <CourseTable courses={items} editable />}</QueryView>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('training.newCourse')}>
          <CourseForm />
        </Card>
      </Col>
    </Row>
  );
}
