/**
 * Links inside a workspace's help center and portal. `base` is `/{slug}` on the app's own host and ''
 * on the workspace's custom domain, where the proxy adds the slug back.
 */
export type CustomerPaths = ReturnType<typeof customerPaths>;

export function customerPaths(base: string) {
  return {
    help: `${base}/help`,
    portal: `${base}/portal`,
    submitRequest: `${base}/portal/new`,
    // One request is `${tickets}/{ticketId}`: a prefix rather than a function, because these paths are
    // handed from server components to client components and must stay plain data.
    tickets: `${base}/portal/tickets`,
    signOut: `${base}/portal/signout`,
  };
}

/** `/{slug}/portal/x` → `/portal/x` when the request came through the custom domain. */
export function toPublicPath(internalPath: string, slug: string, onCustomDomain: boolean) {
  const prefix = `/${slug}`;
  if (!onCustomDomain || !internalPath.startsWith(`${prefix}/`)) return internalPath;
  return internalPath.slice(prefix.length);
}
