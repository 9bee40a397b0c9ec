import type { CliContext } from './context.ts';

/** GETs a path of the store's query API and returns the parsed JSON; non-2xx answers throw with the body. */
export async function apiGet(
  ctx: CliContext,
  path: string,
  params: Record<string, string | undefined> = {},
): Promise<unknown> {
  const url = new URL(path, ctx.apiUrl);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') url.searchParams.set(k, v);
  let res: Response;
  try {
    res = await fetch(url, {
      headers: ctx.apiToken ? { authorization: `Bearer ${ctx.apiToken}` } : {},
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    const e = new Error(`cannot reach the store API at ${ctx.apiUrl} (${(err as Error).message})`);
    (e as Error & { code: string }).code = 'CONNECTION_REFUSED';
    throw e;
  }
  const body = await res.text();
  if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}: ${body.slice(0, 500)}`);
  return JSON.parse(body);
}
