import { ConfigProvider } from 'antd';
import useStatisticStyle from 'antd/es/statistic/style';
import { useContext, type ReactNode } from 'react';

/**
 * A figure with its title, drawn as Ant Design's Statistic (its class names and style sheet)
 * without its loading skeleton, which brings Skeleton to the page: a figure not known yet is a dash.
 */
export function Figure({ title, value, suffix, 'data-testid': testId }: { title: ReactNode; value: number | null | undefined; suffix?: ReactNode; 'data-testid'?: string }) {
  const prefix = useContext(ConfigProvider.ConfigContext).getPrefixCls('statistic');
  const [hashId, cssVarCls] = useStatisticStyle(prefix);
  return (
    <div className={`${prefix} ${hashId} ${cssVarCls}`} data-testid={testId}>
      <div className={`${prefix}-header`}>
        <div className={`${prefix}-title`}>{title}</div>
      </div>
      <div className={`${prefix}-content`}>
        <span className={`${prefix}-content-value`}>{value == null ? '–' : value.toLocaleString('en-US')}</span>
        {value != null && suffix && <span className={`${prefix}-content-suffix`}>{suffix}</span>}
      </div>
    </div>
  );
}
