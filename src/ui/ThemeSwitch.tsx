/** Chooses light, dark, or the system's theme. */
import { useState } from "react";
import { useMessages } from "./i18n/i18n.tsx";
import { chooseTheme, currentThemeChoice, type ThemeChoice } from "./theme.ts";

export function ThemeSwitch() {
  const m = useMessages();
  const [choice, setChoice] = useState<ThemeChoice>(currentThemeChoice);
  return (
    <label>
      {m.theme}{" "}
      <select
        value={choice}
        onChange={(e) => {
          const c = e.target.value as ThemeChoice;
          setChoice(c);
          chooseTheme(c);
        }}
        data-testid="theme"
      >
        <option value="system">{m.themeSystem}</option>
        <option value="light">{m.themeLight}</option>
        <option value="dark">{m.themeDark}</option>
      </select>
    </label>
  );
}
