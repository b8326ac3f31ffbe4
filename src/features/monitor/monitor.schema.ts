// Contracts of the site monitor shared by the CLI (and later the API and pages): the arguments of
// a check. The result type is the domain's MonitorResult (site-monitoring.md «Contract»).
import { z } from 'zod';
import { ORG_KINDS } from '../../domain/site-requirements/index.ts';

/** A site address: http(s) only, no credentials; a bare host name gets http:// as a browser would. */
export const SiteUrlSchema = z
  .string()
  .trim()
  .min(1, 'адрес сайта не указан')
  // `school.example` and `school.example:8080` get http://; `mailto:…` or `javascript:…` keep their
  // scheme and are refused below.
  .transform((v) => (/^[a-z][a-z0-9+.-]*:(\/\/|(?!\d))/i.test(v) ? v : `http://${v}`))
  .refine((v) => !/^[^/]+:\/\/[^/?#]*@/.test(v), {
    message: 'неверный адрес сайта: в адресе не должно быть имени пользователя и пароля',
  })
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (
          (u.protocol === 'http:' || u.protocol === 'https:') &&
          /^(\[[0-9a-f:.]+\]|[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?)$/i.test(u.hostname)
        );
      } catch {
        return false;
      }
    },
    { message: 'неверный адрес сайта: нужен адрес вида https://school.example/' },
  )
  .transform((v) => new URL(v).href);

export const OrgKindSchema = z.enum(ORG_KINDS, {
  error: () => `неверный вид организации: допустимы ${ORG_KINDS.join(', ')}`,
});

export const MonitorArgsSchema = z.object({ url: SiteUrlSchema, kind: OrgKindSchema });
export type MonitorArgs = z.infer<typeof MonitorArgsSchema>;
