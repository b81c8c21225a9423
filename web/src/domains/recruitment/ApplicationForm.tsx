import { Button, Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { QueryView } from '../../ui/QueryView';
import { useRubrics, useSubmitApplication } from './api';
import { criterionLabel, optionLabel } from './labels';
import {
  type AnswerValue,
  type Criterion,
  type Place,
  type Profile,
  profiles,
  type Submitted,
} from './types';

type Fields = {
  villageId: string;
  name: string;
  phone: string;
  profile: Profile;
  answers?: Record<string, AnswerValue | null | undefined>;
};

function AnswerField({ criterion }: { criterion: Criterion }) {
  const { t } = useTranslation();
  const name = ['answers', criterion.key];
  const label = criterionLabel(t, criterion);
  if (criterion.kind === 'yes_no')
    return (
      <Form.Item name={name} valuePropName="checked">
        <Checkbox>{label}</Checkbox>
      </Form.Item>
    );
  if (criterion.kind === 'number')
    return (
      <Form.Item name={name} label={label}>
        <InputNumber min={0} max={100_000} style={{ width: 200 }} />
      </Form.Item>
    );
  return (
    <Form.Item name={name} label={label}>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        options={criterion.options.map((o) => ({ value: o.value, label: optionLabel(t, criterion.key, o) }))}
      />
    </Form.Item>
  );
}

/**
 * An application for a village's centre, with the questions of the chosen recruitment model's
 * rubric. Used by the public form (anonymous) and by county staff filing for an applicant.
 */
export function ApplicationForm({
  countyId,
  villages,
  anonymous,
  onSubmitted,
}: {
  countyId: string;
  villages: Place[];
  anonymous: boolean;
  onSubmitted: (submitted: Submitted, name: string) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const rubrics = useRubrics();
  const submit = useSubmitApplication(anonymous);
  const [form] = Form.useForm<Fields>();
  const profile = Form.useWatch('profile', form) ?? 'store_owner';

  const send = (f: Fields) => {
    const answers = Object.fromEntries(
      Object.entries(f.answers ?? {}).filter(
        (e): e is [string, AnswerValue] => e[1] !== null && e[1] !== undefined,
      ),
    );
    submit.mutate(
      {
        countyId,
        villageId: f.villageId,
        name: f.name.trim(),
        phone: f.phone.trim(),
        profile: f.profile,
        answers,
      },
      {
        onSuccess: (submitted) => {
          onSubmitted(submitted, f.name.trim());
          form.resetFields();
        },
      },
    );
  };

  return (
    <QueryView query={rubrics}>
      {(items) => {
        const rubric = items.find((r) => r.profile === profile);
        return (
          <Form<Fields>
            form={form}
            layout="vertical"
            onFinish={send}
            initialValues={{ profile: 'store_owner' }}
            preserve={false}
            data-testid="application-form"
          >
            <Form.Item
              name="villageId"
              label={t('recruitment.village')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={villages.map((v) => ({ value: v.id, label: v.name }))}
              />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('recruitment.name')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('recruitment.phone')}
              rules={[
                { required: true, message: t('common.required') },
                { pattern: /^1[3-9]\d{9}$/, message: t('recruitment.phoneRule') },
              ]}
            >
              <Input inputMode="tel" maxLength={11} />
            </Form.Item>
            <Form.Item name="profile" label={t('recruitment.profile')}>
              <Radio.Group
                optionType="button"
                options={profiles.map((p) => ({ value: p, label: t(`recruitment.profiles.${p}`) }))}
              />
            </Form.Item>
            {rubric?.criteria.map((c) => (
              <AnswerField key={`${profile}-${c.key}`} criterion={c} />
            ))}
            {submit.isError && <p style={{ color: '#dc2626' }}>{errorText(submit.error)}</p>}
            <Button
              type="primary"
              htmlType="submit"
              loading={submit.isPending}
              data-testid="application-submit"
            >
              {t('recruitment.submit')}
            </Button>
          </Form>
        );
      }}
    </QueryView>
  );
}
