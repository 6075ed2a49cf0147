import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Space, Tag, theme, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { LargeTextSwitch } from '../components/LargeTextSwitch.tsx';
import { useAuth } from './auth.tsx';
import { useNavEntries } from './nav.tsx';

const { Header, Sider, Content } = Layout;

function selectedKey(pathname: string, entries: { key: string; path: string }[]): string[] {
  const hit = [...entries]
    .filter((e) => (e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (hit) return [hit.key];
  // Household and resident pages belong to the territory browser.
  return pathname.startsWith('/territory') ? ['territory'] : [];
}

export function AppLayout() {
  const { t } = useTranslation();
  const { me, logout } = useAuth();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const isDesktop = !!screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const entries = useNavEntries();
  const roles = [...new Set(me?.assignments.map((a) => a.role) ?? [])];

  const menu = (
    <Menu
      mode="inline"
      data-testid="main-menu"
      selectedKeys={selectedKey(location.pathname, entries)}
      items={entries.map((e) => ({ key: e.key, icon: e.icon, label: t(e.label) }))}
      onClick={({ key }) => {
        const entry = entries.find((e) => e.key === key);
        if (entry) navigate(entry.path);
        setDrawerOpen(false);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const signOut = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  const roleTags = roles.map((r) => (
    <Tag key={r} color="blue" style={{ marginInlineEnd: 4 }}>
      {t(`role.${r}`)}
    </Tag>
  ));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isDesktop && (
        <Sider width={216} theme="light" style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}>
          <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: token.fontSizeLG + 1, color: token.colorPrimary }}>{t('app.name')}</div>
          {menu}
        </Sider>
      )}
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: isDesktop ? '0 24px' : '0 12px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
            height: 56,
            lineHeight: '56px',
          }}
        >
          {!isDesktop && (
            <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} data-testid="menu-button" onClick={() => setDrawerOpen(true)} />
          )}
          {!isDesktop && <span style={{ fontWeight: 600, color: token.colorPrimary, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }}>{t('app.name')}</span>}
          <div style={{ flex: 1, minWidth: 0, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
            {isDesktop && (
              <Space size={4}>
                <Typography.Text strong data-testid="user-name">{me?.user.displayName}</Typography.Text>
                {roleTags}
              </Space>
            )}
          </div>
          <LargeTextSwitch compact={!isDesktop} />
          <LanguageSwitch size={isDesktop ? 'middle' : 'small'} />
          {isDesktop && (
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="sign-out">
              {t('auth.signOut')}
            </Button>
          )}
        </Header>
        <Content style={{ padding: isDesktop ? 24 : 12, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
      {!isDesktop && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={280}
          title={
            <div>
              <div data-testid="user-name">{me?.user.displayName}</div>
              <div style={{ marginTop: 4, fontWeight: 'normal' }}>{roleTags}</div>
            </div>
          }
          styles={{ body: { padding: 0 } }}
        >
          {menu}
          <div style={{ padding: 16 }}>
            <Button block icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="sign-out">
              {t('auth.signOut')}
            </Button>
          </div>
        </Drawer>
      )}
    </Layout>
  );
}
