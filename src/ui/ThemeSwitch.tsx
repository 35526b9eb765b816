/** Chooses light, dark, or the system's theme. */
import { useState } from "react";
import { chooseTheme, pageStorage, readThemeChoice, type ThemeChoice } from "./theme.ts";

export function ThemeSwitch() {
  const [choice, setChoice] = useState<ThemeChoice>(() => readThemeChoice(pageStorage()));
  return (
    <label>
      Theme{" "}
      <select
        value={choice}
        onChange={(e) => {
          const c = e.target.value as ThemeChoice;
          setChoice(c);
          chooseTheme(c);
        }}
        data-testid="theme"
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
