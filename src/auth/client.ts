// The client's address for throttling and the audit log. The socket's address, unless
// GONGKAI_TRUST_PROXY=1 says a reverse proxy in front sets X-Forwarded-For (its last hop).
export function clientIp(context: { clientAddress: string; request: Request }): string {
  if (process.env.GONGKAI_TRUST_PROXY === '1') {
    const fwd = context.request.headers.get('x-forwarded-for');
    const last = fwd?.split(',').pop()?.trim();
    if (last) return last;
  }
  try {
    return context.clientAddress || 'unknown';
  } catch {
    return 'unknown';
  }
}
