import type { DashboardDefinition } from '@formboard/schema';
import { localize } from '@formboard/schema';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { dashboardMessages } from '../core/messages.ts';
import type { WidgetLoader } from '../core/types.ts';
import { Dashboard, type DashboardProps } from './Dashboard.tsx';

/** Props of {@link TvMode}: the boards, their loaders and the rotation, plus what every board gets. */
export interface TvModeProps
  extends Omit<DashboardProps, 'definition' | 'loader' | 'kiosk' | 'initialFilters' | 'onFiltersChange'> {
  /** The boards shown in turn. */
  readonly boards: readonly DashboardDefinition[];
  /** The loader of each board (by dashboard id), asked once per board while `boards` stays the same array. */
  readonly loaderFor: (boardId: string) => WidgetLoader;
  /** Seconds each board stays on screen (default 30). */
  readonly intervalSeconds?: number;
}

/** Whether this browser lets an element go full screen (not in jsdom, not in some kiosks' webviews). */
const canFullScreen = () => typeof document !== 'undefined' && document.fullscreenEnabled === true;

/**
 * A full-screen wall display for the shop floor: shows the boards in turn (each board's own default
 * filters, no filter bar, no download buttons), a countdown to the next one, and controls to pause,
 * step back and forth (also ← → and space) and go full screen. Every board stays mounted and live,
 * so switching shows current data at once instead of a loading state.
 */
export function TvMode({ boards, loaderFor, intervalSeconds = 30, ...shared }: TvModeProps): ReactNode {
  const locale = shared.locale ?? 'zh-CN';
  const messages = dashboardMessages(locale);
  const [index, setIndex] = useState(0);
  const [paused, setPaused] = useState(false);
  const [left, setLeft] = useState(intervalSeconds);
  const [fullScreen, setFullScreen] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  // Loaders are made once per boards list: a new `loaderFor` function on each host render must not
  // reload every widget.
  const makeLoader = useRef(loaderFor);
  makeLoader.current = loaderFor;
  const loaders = useMemo(() => new Map(boards.map((b) => [b.id, makeLoader.current(b.id)])), [boards]);
  const count = boards.length;
  const current = count === 0 ? 0 : index % count;
  const go = (step: number) => {
    if (count < 2) return;
    setIndex((i) => (((i + step) % count) + count) % count);
    setLeft(intervalSeconds);
  };

  useEffect(() => {
    if (paused || count < 2) return;
    const timer = setInterval(() => setLeft((s) => s - 1), 1000);
    return () => clearInterval(timer);
  }, [paused, count]);
  useEffect(() => {
    if (left > 0) return;
    setIndex((i) => (i + 1) % Math.max(1, count));
    setLeft(intervalSeconds);
  }, [left, count, intervalSeconds]);
  useEffect(() => {
    const sync = () => setFullScreen(document.fullscreenElement === frame.current);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, []);

  // A wall display owns the page: ← → step and space pauses, unless a control has the focus.
  const step = useRef(go);
  step.current = go;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLElement && event.target.closest('button, input, select, textarea'))
        return;
      if (event.key === 'ArrowRight') step.current(1);
      else if (event.key === 'ArrowLeft') step.current(-1);
      else if (event.key === ' ') setPaused((p) => !p);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  const toggleFullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void frame.current?.requestFullscreen();
  };
  const board = boards[current];
  return (
    <div ref={frame} className="fb-tv" lang={locale}>
      <div className="fb-tv-bar">
        <span className="fb-tv-position">
          {current + 1} / {count}
          {board && ` · ${localize(board.title, locale)}`}
        </span>
        {count > 1 && (
          <span className="fb-tv-next" aria-live="off">
            {paused ? messages.pauseRotation : messages.nextIn(Math.max(0, left))}
          </span>
        )}
        <span className="fb-tv-controls">
          <button
            type="button"
            onClick={() => go(-1)}
            disabled={count < 2}
            aria-label={messages.previousBoard}
          >
            ◀
          </button>
          <button
            type="button"
            onClick={() => setPaused(!paused)}
            disabled={count < 2}
            aria-label={paused ? messages.resumeRotation : messages.pauseRotation}
            aria-pressed={paused}
          >
            {paused ? '▶' : '❚❚'}
          </button>
          <button type="button" onClick={() => go(1)} disabled={count < 2} aria-label={messages.nextBoard}>
            ▶▶
          </button>
          {canFullScreen() && (
            <button type="button" onClick={toggleFullScreen}>
              {fullScreen ? messages.exitFullScreen : messages.fullScreen}
            </button>
          )}
        </span>
      </div>
      {boards.map((definition, i) => {
        const loader = loaders.get(definition.id);
        return (
          loader && (
            <div
              key={definition.id}
              className="fb-tv-board"
              hidden={i !== current}
              data-board-id={definition.id}
            >
              <Dashboard {...shared} definition={definition} loader={loader} kiosk />
            </div>
          )
        );
      })}
    </div>
  );
}
