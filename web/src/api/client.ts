// Typed calls to the public API: paths, parameters and answers come from the OpenAPI document
// (schema.d.ts), so a changed contract fails `tsc`, not the page.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, networkError, type Problem } from './problem';
import { readSession, saveSession, type Scope } from './session';

export type Api = ReturnType<typeof createApi>;

/** A client that signs its calls with the session of `scope` (none: anonymous calls). */
export function createApi(scope: Scope | null, baseUrl = globalThis.location?.origin ?? '') {
  // fetch is looked up on each call (not once at start), so tests can stand in for the network
  const client = createClient<paths>({ baseUrl, fetch: (request: Request) => globalThis.fetch(request) });
  const auth: Middleware = {
    onRequest({ request }) {
      const session = scope && readSession(scope);
      if (session) {
        request.headers.set('Authorization', `Bearer ${session.token}`);
      }
      return request;
    },
    onResponse({ request, response }) {
      if (response.status === 401 && request.headers.has('Authorization')) {
        saveSession(scope!, null); // expired or revoked: sign in again
      }
      return response;
    },
  };
  if (scope) {
    client.use(auth);
  }
  return client;
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The answer's body, or an ApiError carrying the problem document. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch (cause) {
    throw networkError(cause);
  }
  const { data, error, response } = answer;
  if (!response.ok) {
    const problem: Problem =
      error && typeof error === 'object'
        ? (error as Problem)
        : { status: response.status, detail: String(error ?? '') };
    const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
    throw new ApiError(response.status, problem, retryAfter);
  }
  return data as T;
}

export const shopApi = createApi('shop');
export const staffApi = createApi('staff');

/** A fresh key for a write that must happen once however often it is sent. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
