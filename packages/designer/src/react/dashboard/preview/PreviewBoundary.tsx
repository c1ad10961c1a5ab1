import { Component, type ReactNode } from 'react';

/**
 * Keeps a widget preview that throws (a half-made setting the renderer does not expect) from taking
 * the designer down: it shows `fallback` until `resetKey` (the widget) changes.
 */
export class PreviewBoundary extends Component<
  { readonly resetKey: unknown; readonly fallback: ReactNode; readonly children: ReactNode },
  { readonly failedFor: unknown; readonly failed: boolean }
> {
  override state = { failedFor: undefined as unknown, failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(): void {
    this.setState({ failedFor: this.props.resetKey });
  }

  override render(): ReactNode {
    const failed = this.state.failed && this.state.failedFor === this.props.resetKey;
    return failed ? this.props.fallback : this.props.children;
  }
}
