import { LitElement, css, html } from 'lit';
import type { PropertyValues } from 'lit';
import { initChart, registerTheme } from '../echarts/echarts.js';
import type { ChartOption, ECharts } from '../echarts/echarts.js';
import { echartsTheme, readChartTheme } from './chart-theme.js';
import type { ChartTheme } from './chart-theme.js';

/**
 * Thin ECharts host: owns init, theme, resize and dispose, and knows nothing about heat pumps.
 * Cards hand it a complete option built by a pure function in cards/options/.
 */
export class HpChart extends LitElement {
  static override properties = {
    option: { attribute: false },
    darkMode: { type: Boolean, attribute: 'dark-mode' },
  };

  declare option?: ChartOption;
  darkMode = false;

  private chartInstance?: ECharts;
  private resizeObserver?: ResizeObserver;
  private appliedTheme?: string;
  /** The option last handed to ECharts: the first update must not set it twice. */
  private appliedOption?: ChartOption;

  static override styles = css`
    :host {
      display: block;
      position: relative;
      height: var(--hp-chart-height, 240px);
    }
    .container {
      position: absolute;
      inset: 0;
    }
  `;

  /** The live ECharts instance, for tests and for callers that need events. */
  get chart(): ECharts | undefined {
    return this.chartInstance;
  }

  override render() {
    return html`<div class="container"></div>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attach after a move in the DOM: the old instance was disposed on disconnect.
    if (this.hasUpdated) this.setUp();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.tearDown();
  }

  protected override firstUpdated(): void {
    this.setUp();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.chartInstance) return;
    if (changed.has('darkMode') && this.themeKey() !== this.appliedTheme) {
      // ECharts cannot switch theme in place; a fresh instance is cheaper than diffing styles.
      this.tearDown();
      this.setUp();
      return;
    }
    // On the first update setUp (firstUpdated) has just applied this very option: setting it again
    // would make ECharts rebuild every series a second time.
    if (changed.has('option') && this.option !== this.appliedOption) this.applyOption();
  }

  private themeKey(): string {
    return String(this.darkMode);
  }

  private setUp(): void {
    const container = this.renderRoot.querySelector<HTMLDivElement>('.container');
    if (!container || this.chartInstance) return;
    // A named theme per colour set: themes are global in ECharts and cannot change on an instance.
    // One style read for the theme and the first option (getComputedStyle forces a style recalc).
    const theme = readChartTheme(getComputedStyle(this), this.darkMode);
    const themeName = `hp-${hashOf(JSON.stringify(theme))}`;
    registerTheme(themeName, echartsTheme(theme));
    this.chartInstance = initChart(container, themeName, { renderer: 'canvas' });
    this.appliedTheme = this.themeKey();
    this.chartInstance.on('click', (params) => {
      this.dispatchEvent(new CustomEvent('chart-click', { detail: params, bubbles: true, composed: true }));
    });
    this.resizeObserver = new ResizeObserver(() => this.chartInstance?.resize());
    this.resizeObserver.observe(container);
    this.applyOption(true, theme);
  }

  private tearDown(): void {
    this.appliedOption = undefined;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.chartInstance?.dispose();
    this.chartInstance = undefined;
  }

  private applyOption(full = false, theme?: ChartTheme): void {
    if (!this.chartInstance || !this.option) return;
    this.appliedOption = this.option;
    theme ??= readChartTheme(getComputedStyle(this), this.darkMode);
    const themed = { ...themeOption(theme), ...this.option };
    // replaceMerge drops series that the new option no longer has, instead of keeping stale ones.
    this.chartInstance.setOption(themed, full ? { notMerge: true } : { replaceMerge: ['series'] });
  }
}

function hashOf(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

function themeOption(theme: ChartTheme): ChartOption {
  return {
    // Users who ask their system for less motion get charts that appear at once (also screenshots).
    animation: !matchMedia('(prefers-reduced-motion: reduce)').matches,
    darkMode: theme.darkMode,
    color: theme.palette,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text },
    legend: { textStyle: { color: theme.secondaryText } },
  } as ChartOption;
}

if (!customElements.get('hp-chart')) customElements.define('hp-chart', HpChart);

declare global {
  interface HTMLElementTagNameMap {
    'hp-chart': HpChart;
  }
}
