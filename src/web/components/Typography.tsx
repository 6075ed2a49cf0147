import { ConfigProvider } from 'antd';
import useTypographyStyle from 'antd/es/typography/style';
import { useContext, type HTMLAttributes } from 'react';

/**
 * Ant Design's Title, Text and Paragraph without their editing, copying and measured-ellipsis
 * machinery, which brings Input and Tooltip to every page (about 20 KB compressed). The same
 * elements, class names and style sheet (Ant Design's own, from the theme's tokens), so they look
 * the same, large-text mode included. Ellipsis is the CSS one. Pages that copy text use Ant Design's.
 */
type Tone = 'secondary' | 'success' | 'warning' | 'danger';

interface Common extends HTMLAttributes<HTMLElement> {
  type?: Tone;
  strong?: boolean;
  code?: boolean;
  delete?: boolean;
  /** Cut to one line (true) or to `rows` lines with "…"; a text's whole content is its title. */
  ellipsis?: boolean | { rows: number };
}

function useTypography(props: Common) {
  const { type, strong, code, delete: deleted, ellipsis, className, style, title, children, ...rest } = props;
  const prefix = useContext(ConfigProvider.ConfigContext).getPrefixCls('typography');
  const [hashId, cssVarCls] = useTypographyStyle(prefix);
  const rows = typeof ellipsis === 'object' ? ellipsis.rows : ellipsis ? 1 : 0;
  let content = children;
  if (strong) content = <strong>{content}</strong>;
  if (deleted) content = <del>{content}</del>;
  if (code) content = <code>{content}</code>;
  const classes = [
    prefix,
    type && `${prefix}-${type}`,
    rows > 0 && `${prefix}-ellipsis`,
    rows === 1 && `${prefix}-ellipsis-single-line`,
    rows > 1 && `${prefix}-ellipsis-multiple-line`,
    className,
    hashId,
    cssVarCls,
  ];
  return {
    ...rest,
    className: classes.filter(Boolean).join(' '),
    style: rows > 1 ? { ...style, WebkitLineClamp: rows } : style,
    title: title ?? (rows > 0 && typeof children === 'string' ? children : undefined),
    children: content,
  };
}

function Text(props: Common) {
  return <span {...useTypography(props)} />;
}

function Paragraph(props: Common) {
  return <div {...useTypography(props)} />;
}

function Title({ level = 1, ...props }: Common & { level?: 1 | 2 | 3 | 4 | 5 }) {
  const Heading = `h${level}` as const;
  return <Heading {...useTypography(props)} />;
}

export const Typography = { Text, Paragraph, Title };
