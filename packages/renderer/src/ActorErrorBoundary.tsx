import { Component, type ReactNode, useEffect } from 'react'
import { ErrorBox } from './ErrorBox'
import type { TroupeStore } from './store'
import { ViewError } from './viewError'

interface Props {
  actorId: string
  store: TroupeStore
  children: ReactNode
}

interface State {
  error: ViewError | null
}

/**
 * One per actor, around everything the actor does (reading its slice included): a throw
 * shows the inline error box for this actor only, instead of unmounting the whole app
 * (React's default for an uncaught error). The actor tries again when the data changes.
 */
export class ActorErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error: ViewError.from(error, ['view']) }
  }

  private readonly retry = () => this.setState({ error: null })

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    const { actorId, store } = this.props
    return (
      <>
        <ErrorBox actorId={actorId} issues={[error.toIssue(actorId)]} />
        <RetryOnChange store={store} retry={this.retry} />
      </>
    )
  }
}

/** Mounted only while an actor shows an error: the next store change clears it. */
function RetryOnChange({ store, retry }: { store: TroupeStore; retry: () => void }) {
  useEffect(() => store.subscribe(retry), [store, retry])
  return null
}
