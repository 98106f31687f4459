// The page's state kept in its URL query (date range, filters, the open
// decision), so a view can be bookmarked, shared and restored with Back.

/** The current query parameters. */
export function readQuery(): URLSearchParams {
  return new URLSearchParams(location.search);
}

/** Sets the given parameters (empty or undefined ones removed) and pushes a history entry. */
export function writeQuery(changes: Record<string, string | undefined>, mode: 'push' | 'replace' = 'push'): void {
  const params = readQuery();
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') params.delete(k);
    else params.set(k, v);
  }
  const url = `${location.pathname}${params.size > 0 ? `?${params}` : ''}${location.hash}`;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
