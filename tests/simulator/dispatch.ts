// One port serves every host: route on the Host header.
import { handleDc } from './dc';
import { SIM_DC, SIM_GATEWAY_HOST, SIM_MEDIA_HOST, SIM_OTHER_HOSTS, SIM_SITES, type SimSite } from './fixtures';
import { handleGateway } from './gateway';
import { UNKNOWN_HOST_STATUS } from './guesses';
import { text, type SimRequest, type SimResponse } from './http';
import { handleMedia } from './media';
import { handleNotConfluence } from './other-hosts';
import { handleSite, type SimEnv } from './site';

const SITES: readonly SimSite[] = Object.values(SIM_SITES);

export function dispatch(req: SimRequest, env: SimEnv): SimResponse {
  const site = SITES.find((s) => s.host === req.host);
  if (site) return handleSite(req, env, site);
  if (req.host === SIM_GATEWAY_HOST) return handleGateway(req, env);
  if (req.host === SIM_MEDIA_HOST) return handleMedia(req, env.state);
  if (req.host === SIM_DC.host) return handleDc(req, env);
  if (req.host === SIM_OTHER_HOSTS.notConfluence) return handleNotConfluence(req);
  return text(UNKNOWN_HOST_STATUS, `The simulator does not serve ${req.host}`);
}
