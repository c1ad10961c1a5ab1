import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dashboard, dashboardMessages, spreadsheetSafe, toCsv, widgetCsv } from '../src/index.ts';
import { fakeLoader, fixture, only, widgetOf } from './support.ts';

const okr = fixture('dashboard-okr-overview');

describe('CSV', () => {
  it('neutralises text that a spreadsheet would run as a formula, but not numbers', () => {
    expect(spreadsheetSafe('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(['+1', '-2', '@SUM(A1)', '\tx', 'ok'].map(spreadsheetSafe)).toEqual([
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      'ok',
    ]);
    expect(
      toCsv(
        ['a', 'b'],
        [
          [-5, '=1+1'],
          ['x,"y"', null],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n-5,\'=1+1\r\n"x,""y""",\r\n');
  });

  it("writes a widget's rows as shown: names, bucket days, raw numbers, listed columns", () => {
    const list = widgetOf(okr, 'list', 'table');
    const text = widgetCsv(list, [{ owner: 'u1', status: '=cmd|calc', objectives: 3, done: 0.5 }], {
      locale: 'en',
      messages: dashboardMessages('en'),
      nameOf: (_field, id) => (id === 'u1' ? '@Wang' : id),
      nowMs: 0,
    });
    expect(text).toBe("\uFEFFOwner,status,objectives,done\r\n'@Wang,'=cmd|calc,3,0.5\r\n");
    const calendar = widgetOf(okr, 'calendar', 'heatmap');
    expect(
      widgetCsv(calendar, [{ team: 'ops', dueDate: '2025-04-01T00:00:00', progress: 0.25 }], {
        locale: 'zh-CN',
        messages: dashboardMessages('zh-CN'),
        nameOf: (_field, id) => id,
        nowMs: 0,
      }),
    ).toBe('\uFEFFteam,dueDate,progress\r\nops,2025-04-01,0.25\r\n');
  });
});

describe('downloads', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Captures what the page downloads: the blob and the file name. */
  function captureDownloads() {
    const files: { name: string; blob: Blob }[] = [];
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    };
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (blob) files.push({ name: this.download, blob });
    });
    return files;
  }

  it('downloads a widget as CSV named after its title', async () => {
    const user = userEvent.setup();
    const files = captureDownloads();
    const { loader } = fakeLoader({
      alerts: [{ id: 'a', status: 'open', openedAt: '2025-03-10T00:00:00Z', title: 'Late' }],
    });
    render(
      <Dashboard
        definition={only(okr, 'alerts')}
        loader={loader}
        locale="en"
        now={() => Date.parse('2025-03-10T06:00:00Z')}
        animate={false}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'CSV – download the data: Alerts' }));
    expect(files.map((f) => f.name)).toEqual(['Alerts.csv']);
    const blob = files[0]?.blob ?? new Blob();
    // The byte-order mark (decoding drops it from the text) tells Excel and WPS it is UTF-8.
    expect([...new Uint8Array(await blob.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await blob.text()).toBe(
      'Alert,About,Assignee,Severity,Status,Opened,Open hours,Response hours\r\nLate,,,Warning,Open,2025-03-10T00:00:00Z,6,\r\n',
    );
  });

  it('downloads a chart as a PNG drawn from its SVG on a white canvas at twice its size', async () => {
    const user = userEvent.setup();
    const files = captureDownloads();
    const drawn: unknown[][] = [];
    class LoadingImage {
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      set src(_url: string) {
        queueMicrotask(() => this.onload?.());
      }
    }
    vi.stubGlobal('Image', LoadingImage);
    const { loader } = fakeLoader({ byStatus: [{ status: 'active', objectives: 2 }] });
    render(<Dashboard definition={only(okr, 'byStatus')} loader={loader} locale="en" animate={false} />);
    await screen.findByRole('img');
    await vi.waitFor(() => expect(document.querySelector('.fb-chart svg')).not.toBeNull());
    const canvas = {
      fillStyle: '',
      fillRect: (...args: unknown[]) => drawn.push(['fillRect', ...args]),
      drawImage: (_image: unknown, ...args: unknown[]) => drawn.push(['drawImage', ...args]),
    };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
      canvas as unknown as RenderingContext,
    );
    const toBlob = HTMLCanvasElement.prototype.toBlob;
    HTMLCanvasElement.prototype.toBlob = function (this: HTMLCanvasElement, done: BlobCallback) {
      done(new Blob([`${this.width}x${this.height}`], { type: 'image/png' }));
    };
    await user.click(screen.getByRole('button', { name: 'PNG – download an image: byStatus' }));
    await vi.waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]?.name).toBe('byStatus.png');
    expect(await files[0]?.blob.text()).toBe(
      `960x${String(2 * Number(document.querySelector('.fb-chart svg')?.getAttribute('height')))}`,
    );
    expect(drawn[0]).toEqual(['fillRect', 0, 0, 960, expect.any(Number)]);
    expect(canvas.fillStyle).toBe('#fff');
    HTMLCanvasElement.prototype.toBlob = toBlob;
    vi.unstubAllGlobals();
  });
});
