import { Button, Card, Form, Input, InputNumber, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { type NewVehicle, useAddVehicle, useVehicles } from '../../../domains/logistics/api';
import { useErrorText } from '../../../ui/errors';
import { useMessage } from '../../../ui/feedback';
import { QueryView } from '../../../ui/QueryView';

/** The county's vans: what each carries and how long its driver's shift is. */
export function VehiclesCard({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const vehicles = useVehicles(countyId);
  const add = useAddVehicle(countyId);
  const [form] = Form.useForm<NewVehicle>();
  const message = useMessage();
  const errorText = useErrorText();
  return (
    <Card title={t('vehicles.title')}>
      <QueryView query={vehicles}>
        {(items) => (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={items}
            data-testid="vehicle-table"
            columns={[
              { key: 'name', dataIndex: 'name', title: t('vehicles.name') },
              { key: 'capacity', dataIndex: 'capacityKg', title: t('vehicles.capacityKg') },
              { key: 'shift', dataIndex: 'shiftMinutes', title: t('vehicles.shiftMinutes') },
            ]}
          />
        )}
      </QueryView>
      <Form
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        onFinish={(v) =>
          add.mutate(v, {
            onSuccess: () => {
              message.success(t('vehicles.added'));
              form.resetFields();
            },
            onError: (e) => message.error(errorText(e)),
          })
        }
      >
        <Form.Item
          name="name"
          label={t('vehicles.name')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="capacityKg"
          label={t('vehicles.capacityKg')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={1} max={50_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="shiftMinutes"
          label={t('vehicles.shiftMinutes')}
          initialValue={480}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={1} max={1440} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="add-vehicle">
          {t('vehicles.add')}
        </Button>
      </Form>
    </Card>
  );
}
