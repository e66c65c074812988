/**
 * A small ECharts wrapper: the library is imported modularly (only bar and
 * line charts, grid, tooltip, legend, title, canvas) so the bundle stays
 * small. Initialises on a div, applies `option` when it changes, follows the
 * container's size, disposes on unmount, reports clicks, and offers the
 * chart as a PNG picture.
 */
import { useEffect, useRef } from 'react';
import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { t } from '../i18n/index.ts';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, CanvasRenderer]);

export type EChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

/** What was clicked: the series (its id or name), the category (x-axis name) and the data index. */
export interface EChartClick {
  seriesId?: string;
  seriesName?: string;
  name: string;
  dataIndex: number;
  value: unknown;
}

interface Props {
  option: EChartOption;
  height?: number;
  onClick?: (e: EChartClick) => void;
  /** File name of the PNG download (without extension). */
  fileName?: string;
  /** Address of the chart's data as .xlsx (a server export); shows a second download button. */
  dataHref?: string;
  testId?: string;
}

export function EChart({ option, height = 320, onClick, fileName = 'bieu-do', dataHref, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  // The chart's click handler is bound once; it calls the latest onClick.
  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => {
      const params = p as unknown as {
        seriesId?: string;
        seriesName?: string;
        name: string;
        dataIndex: number;
        value: unknown;
      };
      clickRef.current?.({
        seriesId: params.seriesId,
        seriesName: params.seriesName,
        name: params.name,
        dataIndex: params.dataIndex,
        value: params.value,
      });
    });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const downloadPng = () => {
    const instance = chart.current;
    if (!instance) return;
    const url = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    const a = document.createElement('a');
    a.href = url;
    a.download = `${fileName}.png`;
    a.click();
  };

  return (
    <div data-testid={testId}>
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button
          size="small"
          type="text"
          icon={<DownloadOutlined />}
          onClick={downloadPng}
          data-testid={testId ? `${testId}-png` : undefined}
        >
          {t('chart.downloadPng')}
        </Button>
        {dataHref && (
          <Button
            size="small"
            type="text"
            icon={<DownloadOutlined />}
            href={dataHref}
            data-testid={testId ? `${testId}-xlsx` : undefined}
          >
            {t('chart.downloadXlsx')}
          </Button>
        )}
      </div>
      <div ref={ref} style={{ width: '100%', height }} />
    </div>
  );
}
