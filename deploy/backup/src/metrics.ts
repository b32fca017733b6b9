// The service's Prometheus metrics (names in @opentruss/contract, shared with the alerts and the backup panel).
// Derived from what is on disk — the newest complete backup of each kind and state.json — so a restart or a
// crash never makes an old backup look recent or a failure look resolved.
import { BACKUP_KINDS, backupMetrics, type BackupKind } from '@opentruss/contract';
import { Gauge, Registry } from 'prom-client';
import type { Manifest } from './repository';
import type { ServiceState } from './state';

export type Target = 'local' | 's3';

export interface BackupMetrics {
  registry: Registry;
  /** Re-reads every value from the complete backups and the recorded attempts. */
  refresh(backups: readonly Manifest[], state: ServiceState): void;
  setTargetUp(target: Target, up: boolean): void;
}

const seconds = (iso: string) => Date.parse(iso) / 1000;

export function createBackupMetrics(): BackupMetrics {
  const registry = new Registry();
  const registers = [registry];
  const byKind = (name: string, help: string) => new Gauge({ name, help, labelNames: ['kind'] as const, registers });
  const lastSuccess = byKind(backupMetrics.lastSuccess, 'When the newest complete backup of this kind finished');
  const lastDuration = byKind(backupMetrics.lastDuration, 'How long the last backup attempt of this kind took');
  const lastSize = byKind(backupMetrics.lastSize, 'Bytes written by the newest complete backup of this kind');
  const lastStatus = byKind(backupMetrics.lastStatus, '1 when the last backup attempt of this kind succeeded, 0 when it failed');
  const verificationSuccess = new Gauge({
    name: backupMetrics.verificationLastSuccess,
    help: 'When the restore check last restored the newest full backup with the recorded counts',
    registers: [],
  });
  const verificationStatus = new Gauge({
    name: backupMetrics.verificationLastStatus,
    help: '1 when the last restore check succeeded, 0 when it failed',
    registers: [],
  });
  const targetUp = new Gauge({
    name: backupMetrics.targetUp,
    help: '1 when the backup target (local volume, S3 bucket) was reachable and writable at the last check',
    labelNames: ['target'] as const,
    registers,
  });

  return {
    registry,
    refresh(backups, state) {
      for (const kind of BACKUP_KINDS as readonly BackupKind[]) {
        const newest = backups.filter((b) => b.kind === kind).at(-1);
        const attempt = state.last[kind];
        // Absent until a first backup of the kind exists: the alerts read absence as "never".
        if (newest) {
          lastSuccess.set({ kind }, seconds(newest.finishedAt));
          lastSize.set({ kind }, newest.sizeBytes);
        } else {
          lastSuccess.remove({ kind });
          lastSize.remove({ kind });
        }
        if (attempt) {
          lastDuration.set({ kind }, attempt.durationSeconds);
          lastStatus.set({ kind }, attempt.status === 'success' ? 1 : 0);
        } else if (newest) {
          lastDuration.set({ kind }, (Date.parse(newest.finishedAt) - Date.parse(newest.startedAt)) / 1000);
          lastStatus.set({ kind }, 1);
        }
      }
      registry.removeSingleMetric(backupMetrics.verificationLastSuccess);
      registry.removeSingleMetric(backupMetrics.verificationLastStatus);
      if (state.verificationLastSuccess) {
        registry.registerMetric(verificationSuccess);
        verificationSuccess.set(seconds(state.verificationLastSuccess.finishedAt));
      }
      const verification = state.last.verification;
      if (verification) {
        registry.registerMetric(verificationStatus);
        verificationStatus.set(verification.status === 'success' ? 1 : 0);
      }
    },
    setTargetUp(target, up) {
      targetUp.set({ target }, up ? 1 : 0);
    },
  };
}
