import { CheckCircleFilled, FileSearchOutlined } from '@ant-design/icons';
import { theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/**
 * The end of an action or of a search, told in a sentence under a large sign. Ant Design's
 * Result would do, but its illustrations weigh 8 KB compressed on every page that could show one.
 */
export function Outcome({ status, title, subTitle, extra, style }: { status: 'success' | 'notFound'; title: ReactNode; subTitle?: ReactNode; extra?: ReactNode; style?: CSSProperties }) {
  const { token } = theme.useToken();
  const Sign = status === 'success' ? CheckCircleFilled : FileSearchOutlined;
  return (
    <div style={{ padding: '32px 16px', textAlign: 'center', ...style }}>
      <Sign aria-hidden style={{ fontSize: 64, color: status === 'success' ? token.colorSuccess : token.colorTextSecondary }} />
      <div style={{ marginTop: 16, fontSize: token.fontSizeHeading3, lineHeight: token.lineHeightHeading3, color: token.colorTextHeading }}>{title}</div>
      {subTitle && <div style={{ marginTop: 4, color: token.colorTextSecondary }}>{subTitle}</div>}
      {extra && <div style={{ marginTop: 24 }}>{extra}</div>}
    </div>
  );
}
