import { t } from '@grafana/i18n';
import type { PanelData } from '@grafana/data';
import { Alert } from '@grafana/ui';
import React from 'react';

import { rowCapNotice } from '../../frames/resultToFrames';
import { TEST_IDS } from '../testIds';

/** Whether the last result of `refId` carries the engine's row-cap notice. */
export function wasCapped(data: PanelData | undefined, refId: string, maxRows: number): boolean {
  const expected = rowCapNotice(maxRows);
  return Boolean(
    data?.series.some((frame) => frame.refId === refId && frame.meta?.notices?.some((n) => n.text === expected))
  );
}

export function RowCapNotice({ maxRows }: { maxRows: number }) {
  return (
    <Alert
      severity="warning"
      title={t('query-editor.row-cap', 'The last result was capped')}
      data-testid={TEST_IDS.rowCapNotice}
    >
      {rowCapNotice(maxRows)}
    </Alert>
  );
}
