/** `<page> - <congress>`, e.g. 登录 - 青石镇人大主席团; the product name on the bare host. */
export function documentTitle(page: string | undefined, owner: string): string {
  return page ? `${page} - ${owner}` : owner
}
