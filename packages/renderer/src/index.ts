export { ActorView } from './ActorView'
export type { ActorSlice } from './actorSlice'
export { ErrorBox } from './ErrorBox'
export { listenForPreviewHost, renderPreviewGuest } from './frame/guest'
export { connectPreviewFrame, createPreviewHost, type PreviewHost } from './frame/host'
export type { GuestMessage, HostMessage } from './frame/protocol'
export type { RenderReport } from './TroupeContext'
export {
  TroupeProvider,
  type TroupeProviderProps,
  TroupeView,
  type TroupeViewProps,
} from './TroupeView'
