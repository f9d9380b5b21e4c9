import { SafeMarkdown } from '../common/SafeMarkdown.js';
import type { CardProps } from './card-props.js';

/** An agent (or replayed user) message: markdown, always fully shown. */
export function MessageCard({ item }: CardProps<'message'>) {
  return (
    <section className={`cc-message cc-message-${item.role}`} aria-label={item.role === 'agent' ? 'Agent message' : 'User message'} data-kind="message">
      <SafeMarkdown text={item.text} />
    </section>
  );
}
