import { Component, type ReactNode } from 'react'

interface ErrorBoundaryProps {
  children: ReactNode
  /** What shows instead of the children once one of them has thrown while rendering. */
  fallback: (error: unknown) => ReactNode
}

/**
 * Keeps a render error where it happened: without one, React unmounts the whole page, and a
 * single damaged annotation (a classmate's, an import's) would blank the reader on every load.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null }

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('unknown') }
  }

  override render() {
    const { error } = this.state
    return error === null ? this.props.children : this.props.fallback(error)
  }
}

/** The message of whatever was thrown, for a line that says what went wrong. */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
