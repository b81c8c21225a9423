import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../api/auth';
import { useErrorText } from '../ui/errors';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { landingPath } from '../ui/landing';

type Fields = { login: string; password: string };

// A plain panel, not Card: this is every user's first download, on village links too.
const panel = { width: 360, background: '#fff', borderRadius: 8, padding: 24 } as const;

export default function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const errorText = useErrorText();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (user) return <Navigate to={landingPath[user.role]} replace />;

  const submit = async ({ login: name, password }: Fields) => {
    setBusy(true);
    setError(null);
    try {
      const signedIn = await login(name.trim(), password);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/' ? from : landingPath[signedIn.role], { replace: true });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0fdf4' }}>
      <section style={panel}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <h1 style={{ color: '#15803d', margin: 0, fontSize: 30 }}>{t('app.name')}</h1>
          <LanguageSwitch />
        </div>
        <p style={{ color: 'rgba(0,0,0,0.45)' }}>{t('app.tagline')}</p>
        <Form<Fields> layout="vertical" onFinish={submit} requiredMark={false} data-testid="login-form">
          <Form.Item
            name="login"
            label={t('login.login')}
            rules={[{ required: true, message: t('login.loginRequired') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error !== null && (
            <Alert
              type="error"
              showIcon
              title={errorText(error)}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <p style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to="/apply">{t('apply.link')}</Link>
        </p>
      </section>
    </div>
  );
}
