import { Alert } from 'antd';
import type { CardProps } from './card-props.js';

const TYPE_OF_LEVEL = { info: 'info', warning: 'warning', error: 'error' } as const;

/** A hub or turn notice (errors, warnings, info), as plain text. */
export function NoticeCard({ item }: CardProps<'notice'>) {
  return (
    <section className="cc-card cc-card-notice" aria-label="Notice" data-kind="notice" style={{ margin: '4px 0' }}>
      <Alert type={TYPE_OF_LEVEL[item.level] ?? 'info'} title={item.message} showIcon />
    </section>
  );
}
