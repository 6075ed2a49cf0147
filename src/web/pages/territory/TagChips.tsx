import { Space, Tag } from 'antd';
import { useTagLabel } from './queries.ts';

/** A person's or household's care tags as chips, by their catalogue names. */
export function TagChips({ tags, testId }: { tags: string[]; testId?: string }) {
  const tagLabel = useTagLabel();
  if (tags.length === 0) return null;
  return (
    <Space wrap size={4} style={{ marginTop: 4 }} data-testid={testId}>
      {tags.map((tag) => (
        <Tag key={tag} style={{ marginInlineEnd: 0 }}>{tagLabel(tag)}</Tag>
      ))}
    </Space>
  );
}
