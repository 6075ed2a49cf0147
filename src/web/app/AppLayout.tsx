import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Space, Tag, theme } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { LargeTextSwitch } from '../components/LargeTextSwitch.tsx';
import { useAuth } from './auth.tsx';
import { Typography } from '../components/Typography.tsx';

const { Header, Content } = Layout;

/**
 * The menu (antd's Menu and Drawer, an icon per entry, and the reads that decide some entries) is
 * a file of its own: a phone fetches it when the menu is first opened, not before the page.
 */
const loadNav = () => import('./NavMenu.tsx');
const NavSider = lazy(() => loadNav().then((m) => ({ default: m.NavSider })));
const NavDrawer = lazy(() => loadNav().then((m) => ({ default: m.NavDrawer })));

export function AppLayout() {
  const { t } = useTranslation();
  const { me, logout } = useAuth();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const isDesktop = !!screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [drawerWanted, setDrawerWanted] = useState(false);
  const navigate = useNavigate();
  const roles = [...new Set(me?.assignments.map((a) => a.role) ?? [])];

  const signOut = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  const roleTags = roles.map((r) => (
    <Tag key={r} color="blue" style={{ marginInlineEnd: 4 }}>
      {t(`role.${r}`)}
    </Tag>
  ));

  const openMenu = () => {
    setDrawerWanted(true);
    setDrawerOpen(true);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isDesktop && (
        <Suspense fallback={<div style={{ width: 216, flexShrink: 0, background: token.colorBgContainer, borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }} />}>
          <NavSider />
        </Suspense>
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
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.menu')}
              data-testid="menu-button"
              // A finger on the button starts fetching the menu before the tap ends.
              onPointerDown={() => void loadNav()}
              onClick={openMenu}
            />
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
      {!isDesktop && drawerWanted && (
        <Suspense fallback={null}>
          <NavDrawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            onSignOut={() => void signOut()}
            user={
              <div>
                <div data-testid="user-name">{me?.user.displayName}</div>
                <div style={{ marginTop: 4, fontWeight: 'normal' }}>{roleTags}</div>
              </div>
            }
          />
        </Suspense>
      )}
    </Layout>
  );
}
