import { ApiError, explain } from '../api/problem';

/** An error as a sentence, announced to screen readers; with a retry button when one helps. */
export function ErrorNote({ error, retry, notFound }: { error: unknown; retry?: () => void; notFound?: string }) {
  if (!error) {
    return null;
  }
  const transient = error instanceof ApiError && error.transient;
  return (
    <div className="error-note" role="alert">
      <span>{notFound && error instanceof ApiError && error.status === 404 ? notFound : explain(error)}</span>
      {retry && (
        <button type="button" className="link" onClick={retry}>
          {transient ? 'Try again now' : 'Try again'}
        </button>
      )}
    </div>
  );
}
