import { RightOutlined } from '@ant-design/icons';
import { theme } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** A row of a list on the home page: a label that links, and what it counts or how it stands. */
export function HomeLine({ to, children, note, testId }: { to: string; children: ReactNode; note: ReactNode; testId: string }) {
  const { token } = theme.useToken();
  return (
    <Link to={to} data-testid={testId} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '10px 0', color: 'inherit', borderTop: `1px solid ${token.colorBorderSecondary}` }}>
      <span style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{children}</span>
      <span style={{ whiteSpace: 'nowrap' }}>{note}</span>
      <RightOutlined aria-hidden style={{ color: token.colorTextTertiary }} />
    </Link>
  );
}
