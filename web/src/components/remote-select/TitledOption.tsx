/** An option of a picker that reads as a title with a secondary line under it (where, when, which level). */
import { Typography } from 'antd';

interface Props {
  title: string;
  sub?: string | null;
  /** Wide popups wrap long titles at this width, in pixels. */
  maxWidth?: number;
}

export function TitledOption({ title, sub, maxWidth }: Props) {
  return (
    <div style={{ whiteSpace: 'normal', maxWidth }}>
      <div>{title}</div>
      {sub && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sub}
        </Typography.Text>
      )}
    </div>
  );
}
