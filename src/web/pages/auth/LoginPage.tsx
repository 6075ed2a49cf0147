import { EyeInvisibleOutlined, EyeOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, theme } from 'antd';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { errorMessage } from '../../components/errorText.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import './login.css';

type FieldName = 'username' | 'password';

export function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState({ username: '', password: '' });
  const [missing, setMissing] = useState<Set<FieldName>>(new Set());
  const [showPassword, setShowPassword] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me) return <Navigate to={from} replace />;

  const change = (name: FieldName, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (value) setMissing((m) => new Set([...m].filter((n) => n !== name)));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const empty = new Set<FieldName>((['username', 'password'] as const).filter((n) => !values[n].trim()));
    setMissing(empty);
    if (empty.size > 0) {
      document.getElementById(`login-${[...empty][0]}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(from, { replace: true });
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: FieldName, label: string, requiredMessage: string, icon: ReactNode, input: ReactNode, after?: ReactNode) => (
    <div className="login-field">
      <label htmlFor={`login-${name}`}>{label}</label>
      <div className="login-input" data-invalid={missing.has(name)}>
        <span className="login-icon" aria-hidden>{icon}</span>
        {input}
        {after}
      </div>
      {missing.has(name) && (
        <p className="login-message" id={`login-${name}-message`} role="alert">
          {requiredMessage}
        </p>
      )}
    </div>
  );
  const described = (name: FieldName) =>
    missing.has(name) ? { 'aria-invalid': true, 'aria-describedby': `login-${name}-message` } : {};

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(160deg,#fdf2f0 0%,#f5f7fa 60%)', padding: 16 }}>
      <div style={{ width: '100%', maxWidth: 400, background: '#fff', borderRadius: token.borderRadiusLG, border: `1px solid ${token.colorBorderSecondary}`, padding: 24 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <LanguageSwitch size="small" />
        </div>
        <h1 style={{ textAlign: 'center', margin: '8px 0 8px', fontSize: 24, fontWeight: 600, color: token.colorPrimary }}>{t('app.name')}</h1>
        <p style={{ textAlign: 'center', margin: '0 0 20px', color: token.colorTextSecondary }}>{t('app.tagline')}</p>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <form onSubmit={(e) => void submit(e)} noValidate>
          {field(
            'username',
            t('auth.username'),
            t('auth.usernameRequired'),
            <UserOutlined />,
            <input
              id="login-username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              data-testid="username"
              value={values.username}
              onChange={(e) => change('username', e.target.value)}
              {...described('username')}
            />,
          )}
          {field(
            'password',
            t('auth.password'),
            t('auth.passwordRequired'),
            <LockOutlined />,
            <input
              id="login-password"
              name="password"
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              data-testid="password"
              value={values.password}
              onChange={(e) => change('password', e.target.value)}
              {...described('password')}
            />,
            <button
              type="button"
              aria-label={showPassword ? t('auth.hidePassword') : t('auth.showPassword')}
              aria-pressed={showPassword}
              onClick={() => setShowPassword((s) => !s)}
              data-testid="password-visibility"
            >
              {showPassword ? <EyeOutlined /> : <EyeInvisibleOutlined />}
            </button>,
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
            {t('auth.signIn')}
          </Button>
        </form>
      </div>
    </main>
  );
}
