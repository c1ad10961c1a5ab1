import type { LocalizedMessage } from '@formboard/formula';

/** A host an admin allowed outbound requests to; `allowPrivate` also permits private/loopback addresses. */
export interface AllowedHost {
  /** `erp.example.com`, or `*.example.com` for its subdomains. */
  readonly host: string;
  readonly allowPrivate?: boolean;
}

/** Why an outbound request was refused before it was sent. */
export class OutboundRefused extends Error {
  constructor(readonly messages: LocalizedMessage) {
    super(messages.en);
    this.name = 'OutboundRefused';
  }
}

/** The allow-list entry for a host name, if any. */
export function allowedEntry(hostname: string, allowed: readonly AllowedHost[]): AllowedHost | undefined {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return allowed.find((entry) => {
    const pattern = entry.host.toLowerCase();
    return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
  });
}

/** Checks a URL against the allow-list: http(s) only, a listed host, no credentials in the URL. */
export function checkUrl(url: URL, allowed: readonly AllowedHost[]): AllowedHost {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new OutboundRefused({
      'zh-CN': `只允许 http 和 https：${url.protocol}`,
      en: `only http and https are allowed: ${url.protocol}`,
    });
  if (url.username || url.password)
    throw new OutboundRefused({
      'zh-CN': '地址里不能带用户名或密码，请用请求头',
      en: 'no credentials in the URL; use a header',
    });
  const entry = allowedEntry(url.hostname, allowed);
  if (!entry)
    throw new OutboundRefused({
      'zh-CN': `主机 ${url.hostname} 不在管理员允许的外部地址列表中`,
      en: `host ${url.hostname} is not on the admin's list of allowed outbound hosts`,
    });
  return entry;
}
