import { ConfigProvider } from 'antd';
import useCardStyle from 'antd/es/card/style';
import { Children, useContext, type CSSProperties, type HTMLAttributes, type ReactNode } from 'react';

interface CardProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  title?: ReactNode;
  extra?: ReactNode;
  size?: 'small' | 'default';
  type?: 'inner';
  hoverable?: boolean;
  variant?: 'outlined' | 'borderless';
  styles?: { header?: CSSProperties; title?: CSSProperties; extra?: CSSProperties; body?: CSSProperties };
}

const shown = (node: ReactNode) => node !== undefined && node !== null && node !== false && node !== '';

/**
 * Ant Design's Card without its tabs and loading skeleton: the Card module imports Tabs (with
 * its Dropdown and Menu) and Skeleton whether a card uses them or not, about 20 KB compressed on
 * every page. The same elements, class names and style sheet (Ant Design's own), so it looks the same.
 */
export function Card({ title, extra, size, type, hoverable, variant = 'outlined', styles, className, children, ...rest }: CardProps) {
  const prefix = useContext(ConfigProvider.ConfigContext).getPrefixCls('card');
  const [hashId, cssVarCls] = useCardStyle(prefix);
  const classes = [
    prefix,
    variant !== 'borderless' && `${prefix}-bordered`,
    hoverable && `${prefix}-hoverable`,
    size === 'small' && `${prefix}-small`,
    type && `${prefix}-type-${type}`,
    className,
    hashId,
    cssVarCls,
  ];
  return (
    <div {...rest} className={classes.filter(Boolean).join(' ')}>
      {(shown(title) || shown(extra)) && (
        <div className={`${prefix}-head`} style={styles?.header}>
          <div className={`${prefix}-head-wrapper`}>
            {shown(title) && <div className={`${prefix}-head-title`} style={styles?.title}>{title}</div>}
            {shown(extra) && <div className={`${prefix}-extra`} style={styles?.extra}>{extra}</div>}
          </div>
        </div>
      )}
      {/* As antd: no body when every child is empty (`{cond && …}` that is false). */}
      {Children.toArray(children).length > 0 && <div className={`${prefix}-body`} style={styles?.body}>{children}</div>}
    </div>
  );
}
