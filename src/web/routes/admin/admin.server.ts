// Server-only helpers of the admin and dashboard pages: the signed-in user or a redirect to the
// sign-in page (src/web/auth.server.ts), and service errors turned into Russian error pages
// (src/web/errors.server.ts).
export { requireUser } from '../../auth.server.ts';
export { load } from '../../errors.server.ts';
