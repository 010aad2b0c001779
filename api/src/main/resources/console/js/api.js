// The one way the console talks to the API: the bearer token from this tab's sessionStorage, in the header only.
const TOKEN = 'budget-sync.token';

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function signIn(value) {
  sessionStorage.setItem(TOKEN, value);
}

export function signOut() {
  sessionStorage.clear();
}

/** An answer the API refused, with the message a person reads. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function send(method, path, body, contentType, alsoOk = []) {
  const headers = { Authorization: 'Bearer ' + token() };
  if (body !== undefined && contentType) headers['Content-Type'] = contentType;
  let response;
  try {
    response = await fetch(path, { method, headers, body });
  } catch (e) {
    throw new ApiError(0, 'The server did not answer. Check your connection and try again.');
  }
  if (response.status === 401 && path !== '/api/session') {
    signOut();
    location.hash = '#/signin';
  }
  if (!response.ok && !alsoOk.includes(response.status)) throw new ApiError(response.status, await readError(response));
  return response;
}

async function readError(response) {
  try {
    const json = await response.json();
    const details = json.details && typeof json.details === 'object' && !Array.isArray(json.details)
      ? Object.entries(json.details).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`)
      : Array.isArray(json.details) ? json.details : [];
    return [json.error || `The request failed (${response.status}).`, ...details].join(' — ');
  } catch (e) {
    return `The request failed (${response.status} ${response.statusText}).`;
  }
}

/** @param alsoOk statuses whose body is an answer rather than an error (health's 503) */
export async function get(path, alsoOk = []) {
  return (await send('GET', path, undefined, undefined, alsoOk)).json();
}

export async function post(path, body) {
  const response = await send('POST', path, body === undefined ? undefined : JSON.stringify(body),
    'application/json');
  return response.status === 204 ? null : response.json();
}

export async function put(path, body) {
  return (await send('PUT', path, JSON.stringify(body), 'application/json')).json();
}

export async function postFile(path, file) {
  return (await send('POST', path, file, file.type || 'application/octet-stream')).json();
}

/** Saves an API answer (a CSV) as a file: fetched with the token, so no token ever goes into a link. */
export async function download(path, filename) {
  const blob = await (await send('GET', path)).blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
