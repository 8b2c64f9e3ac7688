export {
  gateFor,
  type Role,
  type VisitorGrant,
  type VisitorGrants,
  visitorGrantFor,
} from './access/policy'
export { createLogger, silentLogger } from './logger'
export type { AppSummary, PublishRequest } from './publish/published-apps'
export {
  defaultPlayerDir,
  defaultServerLimits,
  defaultStudioDir,
  type RunningServer,
  type ServerLimits,
  type ServerOptions,
  startServer,
} from './server'
