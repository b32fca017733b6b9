// The data frames of the last run, as Grafana's panel editor "Table view" shows them (Grafana's own Table with the
// standard field overrides applied), with each frame's name, preferred visualisation and notices.
import { applyFieldOverrides, type DataFrame, type PanelData } from '@grafana/data';
import { Alert, Stack, Table, Text, useTheme2 } from '@grafana/ui';
import React, { useMemo } from 'react';

const TABLE_WIDTH = 1000;
const ROW_HEIGHT = 36;

function FrameTable({ frame }: { frame: DataFrame }) {
  const theme = useTheme2();
  const [processed] = useMemo(
    () =>
      applyFieldOverrides({
        data: [frame],
        fieldConfig: { defaults: {}, overrides: [] },
        replaceVariables: (value) => value,
        theme,
      }),
    [frame, theme]
  );
  const height = Math.min(8, Math.max(frame.length, 1) + 1) * ROW_HEIGHT + 8;
  return <Table data={processed} width={TABLE_WIDTH} height={height} />;
}

export function FramesView({ data }: { data?: PanelData }) {
  if (!data) {
    return null;
  }
  return (
    <div data-testid="e2e-frames" data-state={data.state}>
      <Stack direction="column" gap={2}>
        {data.errors?.map((error, index) => (
          <Alert key={index} severity="error" title="Query error">
            {error.message}
          </Alert>
        ))}
        {data.series.map((frame, index) => (
          <div key={index} data-testid="e2e-frame">
            <Text variant="bodySmall" color="secondary">
              {[
                `frame ${index + 1}`,
                frame.name && `"${frame.name}"`,
                `${frame.length} rows`,
                frame.meta?.preferredVisualisationType && `shown as ${frame.meta.preferredVisualisationType}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {frame.meta?.notices?.map((notice, i) => (
              <Alert key={i} severity={notice.severity === 'error' ? 'error' : 'warning'} title={notice.text} />
            ))}
            <FrameTable frame={frame} />
          </div>
        ))}
      </Stack>
    </div>
  );
}
