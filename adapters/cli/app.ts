import type { AddressInfo } from 'node:net';
import type { Innspill } from '../../src/innspill.ts';
import type { Store } from '../../src/ports/store.ts';
import { createHttpServer, type HttpServer, type Route } from '../http/server.ts';
import { healthRoute } from '../http/health.ts';
import { readyRoute } from '../http/ready.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { createDelivery, type Delivery } from './delivery.ts';
import { createPlatforms, type Platforms } from './platforms.ts';
import { createCore, type AppOptions } from './core.ts';
import { VERSION } from './version.ts';
import { startMaintenance } from '../scheduler/maintenance.ts';
import { publicSiteRoutes } from '../http/public-site.ts';
import { createPublicSite } from '../site/public-site.ts';
import { pageSettings } from '../site/settings.ts';
import { watchPublishDir } from '../site/write-dir.ts';

/**
 * The composition root: the one place that knows every concrete piece (SQLite, Slack, Teams, the
 * scheduler) and hands each adapter only the ports it needs.
 */
export interface App {
  config: Config;
  logger: Logger;
  store: Store;
  core: Innspill;
  http: HttpServer;
  delivery: Delivery;
  start(): Promise<AddressInfo>;
  stop(): Promise<void>;
}

/** The public site on a core: its routes (unless `PUBLIC_PAGE=off`) and the `PUBLISH_DIR` writer (when set). */
export function publicSite(config: Config, core: Innspill, logger: Logger): { routes: Route[]; publisher: ReturnType<typeof watchPublishDir> | null } {
  const site = config.publicPage || config.publishDir ? pageSettings(config) : null;
  return {
    routes: site && config.publicPage ? publicSiteRoutes(createPublicSite(core, site, 'served')) : [],
    publisher:
      site && config.publishDir
        ? watchPublishDir(createPublicSite(core, site, 'static'), config.publishDir, { onError: (error) => logger.error({ err: error, dir: config.publishDir }, 'writing PUBLISH_DIR failed') })
        : null,
  };
}

export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const { store, core, secrets, readiness } = await createCore(config, { ...options, server: true });
  let platforms: Platforms;
  let delivery: Delivery;
  try {
    platforms = await createPlatforms(config, { core, store, secrets }, logger);
    delivery = createDelivery({ config, core, store, senders: platforms.senders, logger, ...(options.clock ? { clock: options.clock } : {}) });
  } catch (error) {
    store.close();
    throw error;
  }
  const routes: Route[] = [
    healthRoute(() => ({ schemaVersion: store.schemaVersion() }), VERSION),
    readyRoute(readiness(), options.clock ?? (() => new Date()), (failed) => logger.error({ failed }, 'not ready')),
    ...platforms.routes,
  ];
  const { routes: siteRoutes, publisher } = publicSite(config, core, logger);
  routes.push(...siteRoutes);

  const http = createHttpServer(routes, logger);
  let stopping: Promise<void> | null = null;
  let maintenance: ReturnType<typeof startMaintenance> | null = null;
  return {
    config,
    logger,
    store,
    core,
    http,
    delivery,
    async start() {
      const address = await http.listen(config.port, config.host);
      await platforms.start();
      await delivery.start();
      maintenance = startMaintenance(core.runMaintenance, logger.child({ part: 'retention' }));
      await publisher?.start();
      logger.info({ port: address.port, host: address.address, slack: Boolean(config.slack), teamsAuth: Boolean(config.teams.appId) }, 'innspill is listening');
      return address;
    },
    stop() {
      stopping ??= (async () => {
        await http.close();
        await delivery.stop();
        await maintenance?.stop();
        await publisher?.stop();
        await platforms.stop();
        await store.close();
        logger.info('innspill stopped');
      })();
      return stopping;
    },
  };
}
