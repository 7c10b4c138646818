import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, problemOf } from './problem';
import { session } from '../auth/session';

let baseUrl = '';
/** The API's origin ('' = same origin, the local host); on AWS `apiBaseUrl` of /config.json. */
export function setApiBase(url: string | undefined) { baseUrl = (url ?? '').replace(/\/$/, ''); api = make(); }
export function apiUrl(path: string) { return baseUrl + path; }

const auth: Middleware = {
  async onRequest({ request }) {
    const token = await session.accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

function make() {
  const client = createClient<paths>({ baseUrl });
  client.use(auth);
  return client;
}

export let api = make();

/** Unwraps an openapi-fetch answer: the data, or an ApiError carrying the ProblemDetails. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<{ data: T; etag: string | null }> {
  let result;
  try {
    result = await call;
  } catch {
    throw new ApiError({ status: 0 });
  }
  if (!result.response.ok) throw new ApiError(await problemOf(result.response, result.error));
  return { data: result.data as T, etag: result.response.headers.get('ETag') };
}

/** A raw authorized request for what the typed client does not fit (CSV bodies and downloads). */
export async function raw(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = await session.accessToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(apiUrl(path), { ...init, headers });
  } catch {
    throw new ApiError({ status: 0 });
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  return response;
}

/** Downloads a CSV the API streams, as a file the browser saves. */
export async function download(path: string, fileName: string) {
  const response = await raw(path, { headers: { Accept: 'text/csv' } });
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}
