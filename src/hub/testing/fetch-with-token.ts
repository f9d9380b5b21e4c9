/**
 * GETs `pathname` from a hub as a browser would after opening the printed URL: the `?token=` visit
 * answers with the access cookie (and a redirect that drops the token), then the cookie is sent.
 */
export async function fetchWithToken(printedUrl: string, pathname: string): Promise<Response> {
  const first = await fetch(printedUrl, { redirect: 'manual' });
  const cookie = first.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  return fetch(new URL(pathname, printedUrl), { headers: { Cookie: cookie } });
}
