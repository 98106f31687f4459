// Calls the server's read endpoints from the pages. The bearer token, when one
// is needed, is asked for once and kept in sessionStorage only (gone when the tab
// closes); a 401 clears it and asks again. Errors carry the API's code and message.

const TOKEN_KEY = 'dist.token';

/** An answer of the API that was not 2xx, with its error code and message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The token kept for this tab, or null. */
export function savedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Keeps (or, with null, forgets) the token for this tab. */
export function saveToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, token);
}

/** GETs `path` with the query (empty values left out) and the saved token; throws ApiFailure. */
export async function getJson<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, v);
  const url = params.size > 0 ? `${path}?${params}` : path;
  const token = savedToken();
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    if (res.status === 401) saveToken(null);
    throw new ApiFailure(res.status, body?.error?.code ?? 'http_error', body?.error?.message ?? `the server answered ${res.status}`);
  }
  return body as T;
}
