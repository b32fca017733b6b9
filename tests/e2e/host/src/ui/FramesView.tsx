// The data frames of the last run, as Grafana's panel editor shows them: a time series graph (Grafana's own
// uPlot-based TimeSeries) for frames with a time field and number fields, and the "Table view" of every frame
// (Grafana's Table with the standard field overrides), with each frame's name, visualisation and notices.
import {
  applyFieldOverrides,
  type DataFrame,
  FieldColorModeId,
  FieldType,
  type GrafanaTheme2,
  type PanelData,
} from '@grafana/data';
import { LegendDisplayMode } from '@grafana/schema';
import { Alert, Stack, Table, Text, TimeSeries, useTheme2 } from '@grafana/ui';
import React, { useMemo } from 'react';

const WIDTH = 1000;
const GRAPH_HEIGHT = 260;
const ROW_HEIGHT = 36;

/** The timeseries panel's defaults that matter for drawing (lines with points, the classic palette). */
const GRAPH_FIELD_DEFAULTS = {
  color: { mode: FieldColorModeId.PaletteClassic },
  custom: { drawStyle: 'line', lineWidth: 2, fillOpacity: 10, showPoints: 'always', pointSize: 5, spanNulls: true },
};

/**
 * Display processors and series state, as a panel applies them. Config is set on the fields themselves: Grafana's
 * registry of standard field options (which copies panel defaults onto fields) is initialised by Grafana's core.
 */
function withOverrides(frames: DataFrame[], theme: GrafanaTheme2, config = {}): DataFrame[] {
  return applyFieldOverrides({
    data: frames.map((frame) => ({
      ...frame,
      fields: frame.fields.map((field) => ({ ...field, config: { ...config, ...field.config } })),
    })),
    fieldConfig: { defaults: {}, overrides: [] },
    replaceVariables: (value) => value,
    theme,
  });
}

function isTimeSeries(frame: DataFrame): boolean {
  return frame.fields.some((f) => f.type === FieldType.time) && frame.fields.some((f) => f.type === FieldType.number);
}

function Graph({ frames, data }: { frames: DataFrame[]; data: PanelData }) {
  const theme = useTheme2();
  const processed = useMemo(() => withOverrides(frames, theme, GRAPH_FIELD_DEFAULTS), [frames, theme]);
  return (
    <div data-testid="e2e-graph">
      <TimeSeries
        frames={processed}
        width={WIDTH}
        height={GRAPH_HEIGHT}
        timeRange={data.timeRange}
        timeZone="utc"
        legend={{ showLegend: true, displayMode: LegendDisplayMode.List, placement: 'bottom', calcs: [] }}
      />
    </div>
  );
}

function FrameTable({ frame }: { frame: DataFrame }) {
  const theme = useTheme2();
  const [processed] = useMemo(() => withOverrides([frame], theme), [frame, theme]);
  const height = Math.min(8, Math.max(frame.length, 1) + 1) * ROW_HEIGHT + 8;
  return <Table data={processed} width={WIDTH} height={height} />;
}

export function FramesView({ data }: { data?: PanelData }) {
  if (!data) {
    return null;
  }
  const series = data.series.filter(isTimeSeries);
  return (
    <div data-testid="e2e-frames" data-state={data.state}>
      <Stack direction="column" gap={2}>
        {data.errors?.map((error, index) => (
          <Alert key={index} severity="error" title="Query error">
            {error.message}
          </Alert>
        ))}
        {series.length > 0 && <Graph frames={series} data={data} />}
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
