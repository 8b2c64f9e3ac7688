export { defaultStudioDir, type RunningServer, type ServerOptions, startServer } from './server'
