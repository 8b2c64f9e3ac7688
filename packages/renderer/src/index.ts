export { ActorView } from './ActorView'
export type { ActorSlice } from './actorSlice'
export { ErrorBox } from './ErrorBox'
export type { RenderReport } from './TroupeContext'
export {
  TroupeProvider,
  type TroupeProviderProps,
  TroupeView,
  type TroupeViewProps,
} from './TroupeView'
