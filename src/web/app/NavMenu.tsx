import { LogoutOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Menu, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useNavEntries } from './nav.tsx';

function selectedKey(pathname: string, entries: { key: string; path: string }[]): string[] {
  const hit = [...entries]
    .filter((e) => (e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (hit) return [hit.key];
  // Household and resident pages belong to the territory browser.
  return pathname.startsWith('/territory') ? ['territory'] : [];
}

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const entries = useNavEntries();
  return (
    <Menu
      mode="inline"
      data-testid="main-menu"
      selectedKeys={selectedKey(location.pathname, entries)}
      items={entries.map((e) => ({ key: e.key, icon: e.icon, label: t(e.label) }))}
      onClick={({ key }) => {
        const entry = entries.find((e) => e.key === key);
        if (entry) navigate(entry.path);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}

/** The menu beside the page on a wide screen. */
export function NavSider() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Layout.Sider width={216} theme="light" style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}>
      <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: token.fontSizeLG + 1, color: token.colorPrimary }}>{t('app.name')}</div>
      <NavMenu />
    </Layout.Sider>
  );
}

/** The menu of a phone, in a drawer opened from the header's menu button. */
export function NavDrawer({ open, onClose, user, onSignOut }: { open: boolean; onClose: () => void; user: ReactNode; onSignOut: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer placement="left" open={open} onClose={onClose} size={280} title={user} styles={{ body: { padding: 0 } }}>
      <NavMenu onNavigate={onClose} />
      <div style={{ padding: 16 }}>
        <Button block icon={<LogoutOutlined />} onClick={onSignOut} data-testid="sign-out">
          {t('auth.signOut')}
        </Button>
      </div>
    </Drawer>
  );
}
