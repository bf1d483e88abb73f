// Calls to gazette-serve's JSON API. A failed call throws an ApiError carrying the server's
// message and hint (every error the API sends is JSON: {status, error, hint}).

export class ApiError extends Error {
  constructor(status, message, hint) {
    super(message);
    this.status = status;
    this.hint = hint ?? '';
  }
}

export async function getJson(path, params = null, signal = undefined) {
  const url = params ? `${path}?${params}` : path;
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, 'the server cannot be reached', 'is gazette-serve still running?');
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(response.status, `the server answered ${response.status} without JSON`, '');
  }
  if (!response.ok) {
    throw new ApiError(response.status, body?.error ?? `error ${response.status}`, body?.hint);
  }
  return body;
}

export function searchUrl(params) {
  return `/api/search?${params}`;
}

export function reportPath(id) {
  return `/api/report/${encodeURIComponent(id)}`;
}
