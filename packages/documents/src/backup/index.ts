export { type BackupOptions, type BackupProgress, backupDataFolder } from './backup'
export { BackupError } from './backup-error'
export {
  type DataFolderHolder,
  DataFolderInUse,
  dataFolderHolder,
  holdDataFolder,
  LOCK_FILE,
} from './data-lock'
export { type BackupManifest, MANIFEST_FILE, readManifest } from './manifest'
export { type RestoreOptions, type RestoreResult, restoreDataFolder } from './restore'
