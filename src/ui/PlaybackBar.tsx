/** Playback controls: step back, play/pause, step forward, speed, the playhead's time and a jump box. */
import { type FormEvent, useState } from "react";
import { formatVirtualTime } from "../viz/time-format.ts";
import { useMessages } from "./i18n/i18n.tsx";
import { type Playback, parseTime, SPEEDS } from "./playback.ts";

export function PlaybackBar({ playback }: { playback: Playback }) {
  const m = useMessages();
  const [jump, setJump] = useState("");
  const [jumpError, setJumpError] = useState(false);
  const onJump = (e: FormEvent) => {
    e.preventDefault();
    const ms = parseTime(jump);
    setJumpError(ms === undefined);
    if (ms === undefined) return;
    playback.pause();
    playback.setPlayhead(ms);
    setJump("");
  };
  return (
    <div className="playback" role="toolbar" aria-label={m.playback} data-testid="playback">
      <button
        type="button"
        onClick={playback.stepPrevious}
        data-testid="step-previous"
        title={`${m.previousEvent} (,)`}
        aria-label={m.previousEvent}
      >
        <StepIcon direction="previous" />
      </button>
      <button
        type="button"
        className="play"
        onClick={playback.toggle}
        data-testid="play-toggle"
        aria-pressed={playback.playing}
        title={m.playTitle}
      >
        {playback.playing ? m.pause : m.play}
      </button>
      <button
        type="button"
        onClick={playback.stepNext}
        data-testid="step-next"
        title={`${m.nextEvent} (.)`}
        aria-label={m.nextEvent}
      >
        <StepIcon direction="next" />
      </button>
      <label className="speed">
        <span className="visually-hidden">{m.speed}</span>
        <select
          value={playback.speed}
          onChange={(e) => playback.setSpeed(Number(e.target.value))}
          data-testid="speed"
          aria-label={m.speed}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <output className="playhead-time" data-testid="playhead-time" aria-label={m.playheadTime}>
        <span className="now">{formatVirtualTime(Math.round(playback.playheadMs))}</span>
        <span className="of"> / {formatVirtualTime(playback.endMs)}</span>
      </output>
      <form onSubmit={onJump} className="jump">
        <input
          type="text"
          value={jump}
          onChange={(e) => {
            setJump(e.target.value);
            setJumpError(false);
          }}
          placeholder={m.jumpPlaceholder}
          aria-label={m.jumpLabel}
          aria-invalid={jumpError}
          data-testid="jump-input"
          spellCheck={false}
        />
      </form>
    </div>
  );
}

/** A step-to-event glyph (drawn, since not every system font has ⏮ and ⏭). */
function StepIcon({ direction }: { direction: "previous" | "next" }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" className="icon">
      {direction === "next" ? (
        <path d="M1 1.5v9l7-4.5zM9 1.5h2v9H9z" fill="currentColor" />
      ) : (
        <path d="M11 1.5v9L4 6zM1 1.5h2v9H1z" fill="currentColor" />
      )}
    </svg>
  );
}
