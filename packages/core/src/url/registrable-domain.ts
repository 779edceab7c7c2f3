import { NewsloomError } from '../errors/newsloom-error';

// Second-level public suffixes common among news outlets. Not the whole Public Suffix List
// (hundreds of KB): enough that `bbc.co.uk` is not mistaken for `co.uk`.
const MULTI_PART_SUFFIXES = new Set(
  `co.uk org.uk ac.uk gov.uk ltd.uk plc.uk me.uk net.uk sch.uk nhs.uk police.uk
  com.au net.au org.au edu.au gov.au asn.au id.au co.nz org.nz net.nz govt.nz ac.nz
  co.jp ne.jp or.jp go.jp ac.jp co.kr or.kr go.kr ac.kr co.in net.in org.in gov.in ac.in
  com.br net.br org.br gov.br com.cn net.cn org.cn gov.cn com.hk org.hk com.tw org.tw
  com.sg org.sg com.my com.ph com.pk com.mx org.mx gob.mx com.ar gob.ar com.co com.pe
  co.za org.za gov.za co.il org.il ac.il com.tr org.tr gov.tr com.ua com.ru co.id or.id
  com.eg com.ng com.sa com.qa co.ke com.gh co.th or.th ac.th com.vn com.bd com.np`.split(/\s+/),
);

/**
 * The registrable domain of a URL or host name: `https://www.bbc.co.uk/news` → `bbc.co.uk`.
 * IP addresses and single-label hosts are returned as they are.
 * @throws {NewsloomError} `INVALID_URL` when `urlOrHost` is neither a URL nor a host.
 */
export function registrableDomain(urlOrHost: string): string {
  const host = hostOf(urlOrHost);
  if (/^[\d.]+$/.test(host) || host.includes(':')) return host;
  const labels = host.split('.').filter(Boolean);
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  const keep = MULTI_PART_SUFFIXES.has(lastTwo) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

function hostOf(urlOrHost: string): string {
  const text = urlOrHost.trim();
  try {
    const url = new URL(text.includes('://') ? text : `http://${text}`);
    return url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  } catch (cause) {
    throw new NewsloomError('INVALID_URL', `"${urlOrHost}" is not a URL or host name`, {
      cause,
    });
  }
}
