import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { RawJson } from '../common/RawJson.js';

type Props = { item: unknown; children: ReactNode };
type State = { error: Error | null; failedItem: unknown };

/** One broken card shows "could not show this item" and its raw JSON; the rest of the turn renders. */
export class CardErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, failedItem: null };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  // A new version of the item gets a fresh try.
  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return state.error && props.item !== state.failedItem && state.failedItem !== null ? { error: null, failedItem: null } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.setState({ failedItem: this.props.item });
    console.error('[cards] could not render an item:', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <section role="alert" className="cc-card cc-card-error" style={{ border: '1px solid #ffccc7', borderRadius: 6, padding: 8, margin: '4px 0' }}>
        <div>Could not show this item ({this.state.error.message}).</div>
        <RawJson value={this.props.item} label="Raw item" />
      </section>
    );
  }
}
