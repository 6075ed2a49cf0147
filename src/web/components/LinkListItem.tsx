import { RightOutlined } from '@ant-design/icons';
import { theme } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { List } from './List.tsx';

/**
 * A list row that opens a page: the link sits inside the list item, so the list stays a list
 * of items for screen readers (a link around an item breaks it), and the whole row is the link.
 */
export function LinkListItem({ to, children, testId, align = 'center' }: { to: string; children: ReactNode; testId?: string; align?: 'center' | 'flex-start' }) {
  const { token } = theme.useToken();
  return (
    <List.Item style={{ padding: 0 }}>
      <Link
        to={to}
        data-testid={testId}
        style={{ display: 'flex', alignItems: align, gap: 8, width: '100%', padding: '12px 8px', color: 'inherit' }}
      >
        {children}
        <RightOutlined aria-hidden style={{ color: token.colorTextTertiary, flexShrink: 0 }} />
      </Link>
    </List.Item>
  );
}
