import { parseRuleStates } from '../api/alertStates';
import { rulesResponse } from '../testing/ruleStates';
import { liveState, liveStateText } from './liveState';

const WATCH = ['NoRecentFullBackup', 'BackupFailed'] as const;

describe('liveState', () => {
  it('is ok when every watched rule is installed and quiet (pending is not yet an answer)', () => {
    const states = parseRuleStates(rulesResponse({ BackupFailed: { state: 'pending', alerts: [{ state: 'Pending' }] } }));
    expect(liveState(WATCH, states)).toEqual({ kind: 'ok', watched: WATCH });
    expect(liveStateText(liveState(WATCH, states))).toBe('OK now: NoRecentFullBackup, BackupFailed quiet');
  });

  it('puts firing before a failing query, and that before rules not installed', () => {
    const states = parseRuleStates(
      rulesResponse(
        {
          NoRecentFullBackup: { health: 'error', lastError: 'query failed' },
          BackupFailed: { state: 'firing', alerts: [{ state: 'Alerting (NoData)' }] },
        },
        { only: ['NoRecentFullBackup', 'BackupFailed'] }
      )
    );
    expect(liveState([...WATCH, 'BackupTargetMissing'], states)).toEqual({ kind: 'firing', alerts: ['BackupFailed'] });
    expect(liveState(['NoRecentFullBackup', 'BackupTargetMissing'], states)).toEqual({
      kind: 'error',
      alerts: ['NoRecentFullBackup'],
    });
    expect(liveState(['BackupTargetMissing'], states)).toEqual({ kind: 'notInstalled', alerts: ['BackupTargetMissing'] });
  });
});
