export { gateFor, type Role, type VisitorGrant, type VisitorGrants } from './access/policy'
export { createLogger, silentLogger } from './logger'
export {
  defaultServerLimits,
  defaultStudioDir,
  type RunningServer,
  type ServerLimits,
  type ServerOptions,
  startServer,
} from './server'
