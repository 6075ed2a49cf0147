import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { useNavEntries } from '../../app/nav.tsx';
import { scopeLink } from './scopeLink.ts';

export function HomePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const entries = useNavEntries().filter((e) => e.key !== 'home');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>{t('home.welcome', { name: me?.user.displayName })}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
      </div>
      <Card size="small" title={t('home.myRoles')}>
        <Space orientation="vertical" size={4}>
          {me?.assignments.map((a) => (
            <Link key={a.id} to={scopeLink(a)}>
              <Tag color="blue">{t(`role.${a.role}`)}</Tag>
              {a.scopeName}
            </Link>
          ))}
        </Space>
      </Card>
      <Row gutter={[12, 12]}>
        {entries.map((e) => (
          <Col key={e.key} xs={12} sm={8} lg={6}>
            <Link to={e.path}>
              <Card hoverable size="small" style={{ textAlign: 'center' }}>
                <div style={{ fontSize: 26, color: '#c0392b' }}>{e.icon}</div>
                <div style={{ marginTop: 4 }}>{t(e.label)}</div>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
