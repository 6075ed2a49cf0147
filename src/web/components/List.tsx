import { ConfigProvider, Empty, Spin } from 'antd';
import useListStyle from 'antd/es/list/style';
import { Children, Fragment, useContext, type HTMLAttributes, type Key, type ReactNode } from 'react';

/**
 * Ant Design's List as this app uses it (a list of rows, no pagination, grid or vertical layout):
 * the List module imports Pagination, and with it Select, whether a list pages or not — about
 * 20 KB compressed on the resident's need page. The same elements, class names and style sheet
 * (Ant Design's own), so it looks the same.
 */
interface ListProps<T> extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  dataSource?: readonly T[];
  renderItem?: (item: T, index: number) => ReactNode;
  rowKey?: keyof T | ((item: T) => Key);
  size?: 'small' | 'default' | 'large';
  loading?: boolean;
  split?: boolean;
  bordered?: boolean;
  header?: ReactNode;
  footer?: ReactNode;
  locale?: { emptyText?: ReactNode };
  children?: ReactNode;
}

function usePrefix() {
  return useContext(ConfigProvider.ConfigContext).getPrefixCls('list');
}

export function List<T>({ dataSource = [], renderItem, rowKey, size, loading = false, split = true, bordered = false, header, footer, locale, children, className, ...rest }: ListProps<T>) {
  const prefix = usePrefix();
  const [hashId, cssVarCls] = useListStyle(prefix);
  const keyOf = (item: T, index: number): Key => {
    const key = typeof rowKey === 'function' ? rowKey(item) : rowKey ? (item[rowKey] as Key) : (item as { key?: Key }).key;
    return key ?? `list-item-${index}`;
  };
  let content: ReactNode = loading && <div style={{ minHeight: 53 }} />;
  if (dataSource.length > 0) {
    content = (
      <ul className={`${prefix}-items ${prefix}-container ${cssVarCls}`}>
        {dataSource.map((item, i) => <Fragment key={keyOf(item, i)}>{renderItem?.(item, i)}</Fragment>)}
      </ul>
    );
  } else if (!children && !loading) {
    content = <div className={`${prefix}-empty-text`}>{locale?.emptyText ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}</div>;
  }
  const classes = [
    prefix,
    size === 'small' && `${prefix}-sm`,
    size === 'large' && `${prefix}-lg`,
    split && `${prefix}-split`,
    bordered && `${prefix}-bordered`,
    loading && `${prefix}-loading`,
    footer != null && `${prefix}-something-after-last-item`,
    className,
    hashId,
    cssVarCls,
  ];
  return (
    <div {...rest} className={classes.filter(Boolean).join(' ')}>
      {header != null && <div className={`${prefix}-header`}>{header}</div>}
      <Spin spinning={loading}>
        {content}
        {children}
      </Spin>
      {footer != null && <div className={`${prefix}-footer`}>{footer}</div>}
    </div>
  );
}

interface ItemProps extends HTMLAttributes<HTMLLIElement> {
  actions?: ReactNode[];
}

function Item({ actions, className, children, ...rest }: ItemProps) {
  const prefix = usePrefix();
  const nodes = Children.toArray(children);
  // As Ant Design: text beside other children is laid out as text, not as a flex row.
  const noFlex = nodes.length > 1 && nodes.some((n) => typeof n === 'string');
  return (
    <li {...rest} className={[`${prefix}-item`, noFlex && `${prefix}-item-no-flex`, className].filter(Boolean).join(' ')}>
      {children}
      {actions && actions.length > 0 && (
        <ul className={`${prefix}-item-action`}>
          {actions.map((action, i) => (
            <li key={i}>
              {action}
              {i !== actions.length - 1 && <em className={`${prefix}-item-action-split`} />}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Meta({ avatar, title, description, className, ...rest }: Omit<HTMLAttributes<HTMLDivElement>, 'title'> & { avatar?: ReactNode; title?: ReactNode; description?: ReactNode }) {
  const prefix = usePrefix();
  return (
    <div {...rest} className={[`${prefix}-item-meta`, className].filter(Boolean).join(' ')}>
      {avatar && <div className={`${prefix}-item-meta-avatar`}>{avatar}</div>}
      {(title || description) && (
        <div className={`${prefix}-item-meta-content`}>
          {title && <h4 className={`${prefix}-item-meta-title`}>{title}</h4>}
          {description && <div className={`${prefix}-item-meta-description`}>{description}</div>}
        </div>
      )}
    </div>
  );
}

List.Item = Object.assign(Item, { Meta });
