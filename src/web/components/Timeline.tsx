import { theme } from 'antd';
import type { CSSProperties, HTMLAttributes, Key, ReactNode } from 'react';
import './timeline.css';

export interface TimelineItem {
  key?: Key;
  /** A colour or one of Ant Design's names: blue, green, red, orange, gold, gray. */
  color?: string;
  content: ReactNode;
}

/**
 * Events in order, each a dot on a line with its content beside it. Ant Design's Timeline is drawn
 * with its Steps (about 8.5 KB compressed); this is a list and a few lines of CSS.
 */
export function Timeline({ items, className, style, ...rest }: { items: TimelineItem[] } & Omit<HTMLAttributes<HTMLOListElement>, 'children'>) {
  const { token } = theme.useToken();
  const named: Record<string, string> = {
    blue: token.colorPrimary,
    green: token.colorSuccess,
    red: token.colorError,
    orange: token.colorWarning,
    gold: token.colorWarning,
    gray: token.colorTextDisabled,
    grey: token.colorTextDisabled,
  };
  return (
    <ol {...rest} className={['timeline', className].filter(Boolean).join(' ')} style={{ '--timeline-line': token.colorBorderSecondary, ...style } as CSSProperties}>
      {items.map((item, i) => (
        <li key={item.key ?? i} className="timeline-item">
          <span className="timeline-dot" aria-hidden style={{ borderColor: named[item.color ?? 'blue'] ?? item.color, background: token.colorBgContainer }} />
          <div className="timeline-content">{item.content}</div>
        </li>
      ))}
    </ol>
  );
}
