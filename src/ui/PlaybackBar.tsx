/** Playback controls: step back, play/pause, step forward, speed, the playhead's time and a jump box. */
import { type FormEvent, useState } from "react";
import { formatVirtualTime } from "../viz/time-format.ts";
import { type Playback, parseTime, SPEEDS } from "./playback.ts";

export function PlaybackBar({ playback }: { playback: Playback }) {
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
    <div className="playback" role="toolbar" aria-label="Playback" data-testid="playback">
      <button
        type="button"
        onClick={playback.stepPrevious}
        data-testid="step-previous"
        title="Previous event (,)"
        aria-label="Previous event"
      >
        <StepIcon direction="previous" />
      </button>
      <button
        type="button"
        className="play"
        onClick={playback.toggle}
        data-testid="play-toggle"
        aria-pressed={playback.playing}
        title="Play or pause (Space)"
      >
        {playback.playing ? "Pause" : "Play"}
      </button>
      <button
        type="button"
        onClick={playback.stepNext}
        data-testid="step-next"
        title="Next event (.)"
        aria-label="Next event"
      >
        <StepIcon direction="next" />
      </button>
      <label className="speed">
        <span className="visually-hidden">Speed</span>
        <select
          value={playback.speed}
          onChange={(e) => playback.setSpeed(Number(e.target.value))}
          data-testid="speed"
          aria-label="Playback speed"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <output className="playhead-time" data-testid="playhead-time" aria-label="Playhead time">
        {formatVirtualTime(Math.round(playback.playheadMs))}
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
          placeholder="jump to 1m30s"
          aria-label="Jump to time"
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
