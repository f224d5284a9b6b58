'use client';
/**
 * Light, dark, or the system's choice. The pick is kept in localStorage and applied to <html
 * data-theme> before the first paint by THEME_SCRIPT (in the layout's head), so there is no flash.
 */
import { useEffect, useState } from 'react';

type Theme = 'system' | 'light' | 'dark';
const KEY = 'leadline-theme';

export const THEME_SCRIPT = `try{var t=localStorage.getItem('${KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => {
    const stored = localStorage.getItem(KEY);
    // Reading the stored pick after hydration: the server cannot know it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (stored === 'light' || stored === 'dark') setTheme(stored);
  }, []);
  const choose = (next: Theme) => {
    setTheme(next);
    if (next === 'system') {
      localStorage.removeItem(KEY);
      delete document.documentElement.dataset.theme;
    } else {
      localStorage.setItem(KEY, next);
      document.documentElement.dataset.theme = next;
    }
  };
  return (
    <label className="theme-toggle">
      <span className="visually-hidden">Theme</span>
      <select value={theme} onChange={(e) => choose(e.target.value as Theme)} aria-label="Colour theme">
        <option value="system">System theme</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
