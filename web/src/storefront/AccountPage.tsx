import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../api/auth';
import { useSignUp } from '../domains/upstream/api';
import { useErrorText } from '../ui/errors';
import { landingPath } from '../ui/landing';

type Fields = { login: string; password: string; displayName?: string };

/** Sign-in and sign-up for city buyers; a new account is signed in at once. */
export default function AccountPage({ mode }: { mode: 'signIn' | 'signUp' }) {
  const { t } = useTranslation();
  const { login } = useAuth();
  const signUp = useSignUp();
  const navigate = useNavigate();
  const location = useLocation();
  const errorText = useErrorText();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

  const submit = async (fields: Fields) => {
    setBusy(true);
    setError(null);
    try {
      const name = fields.login.trim();
      if (mode === 'signUp') {
        await signUp.mutateAsync({
          login: name,
          password: fields.password,
          displayName: fields.displayName?.trim() ?? name,
        });
      }
      const user = await login(name, fields.password);
      navigate(user.role === 'buyer' ? (from ?? '/store') : landingPath[user.role], { replace: true });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Card
      title={mode === 'signUp' ? t('store.signUp') : t('store.signIn')}
      style={{ maxWidth: 420, margin: '24px auto' }}
    >
      <Form<Fields> layout="vertical" onFinish={submit} requiredMark={false} data-testid="account-form">
        <Form.Item
          name="login"
          label={t('login.login')}
          rules={[{ required: true, message: t('login.loginRequired') }]}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        {mode === 'signUp' && (
          <Form.Item
            name="displayName"
            label={t('store.displayName')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input autoComplete="nickname" />
          </Form.Item>
        )}
        <Form.Item
          name="password"
          label={t('login.password')}
          extra={mode === 'signUp' ? t('store.passwordHint') : undefined}
          rules={[
            { required: true, message: t('login.passwordRequired') },
            ...(mode === 'signUp' ? [{ min: 8, message: t('store.passwordHint') }] : []),
          ]}
        >
          <Input.Password autoComplete={mode === 'signUp' ? 'new-password' : 'current-password'} />
        </Form.Item>
        {error !== null && (
          <Alert
            type="error"
            showIcon
            title={errorText(error)}
            style={{ marginBottom: 16 }}
            data-testid="account-error"
          />
        )}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="account-submit">
          {mode === 'signUp' ? t('store.signUp') : t('login.submit')}
        </Button>
      </Form>
      <p style={{ marginTop: 16, marginBottom: 0 }}>
        {mode === 'signUp' ? (
          <Link to="/store/login" state={location.state}>
            {t('store.haveAccount')}
          </Link>
        ) : (
          <Link to="/store/signup" state={location.state}>
            {t('store.noAccount')}
          </Link>
        )}
      </p>
    </Card>
  );
}
