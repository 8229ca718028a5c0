// The editor's toolbar icons, drawn as inline SVG (no icon font, no network).
const PATHS = {
  undo: 'M9 14L4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 0 0 0 12h3',
  add: 'M4 5h16v11H4zM12 8v5M9.5 10.5h5M8 20h8',
  copy: 'M8 8h11v11H8zM5 16V5h11',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
  eye: 'M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  eyeOff: 'M3 3l18 18M10.6 5.1A10 10 0 0 1 12 5c6.5 0 10 7 10 7a17 17 0 0 1-3 3.9M6.1 6.9C3.6 8.6 2 12 2 12s3.5 7 10 7c1.7 0 3.2-.5 4.5-1.2M9.9 9.9a3 3 0 0 0 4.2 4.2',
  figure: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  chip: 'M4 7h16v10H4zM8 12h2M13 12h3',
  play: 'M7 4l13 8-13 8z',
  playHere: 'M4 4v16M9 5l11 7-11 7z',
  slides: 'M3 4h18v11H3zM8 20h8M12 15v5M7 8h6M7 11h4',
  alert: 'M12 4l9 16H3zM12 10v4M12 17v.5',
  history: 'M4 12a8 8 0 1 0 2.3-5.6M4 4v4h4M12 8v4l3 2',
  sliders: 'M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M14 4v4M8 10v4M16 16v4',
  chevron: 'M6 9l6 6 6-6',
  saved: 'M5 12l5 5 9-10',
  refresh: 'M20 11a8 8 0 0 0-14.3-4.9L4 8M4 3v5h5M4 13a8 8 0 0 0 14.3 4.9L20 16M20 21v-5h-5',
  seal: 'M12 3a4 4 0 0 0-2 7.5V14H6v3h12v-3h-4v-3.5A4 4 0 0 0 12 3zM5 21h14',
  image: 'M3 5h18v14H3zM3 16l5-5 4 4 3-3 6 6M16 9.5a1.5 1.5 0 1 0 0-.01',
  palette: 'M12 3a9 9 0 1 0 0 18c1.1 0 1.6-.8 1.2-1.7-.5-1.1.2-2.3 1.4-2.3H17a4 4 0 0 0 4-4c0-5.5-4-10-9-10zM7.5 12.5h0M9.5 8h0M14.5 8h0M17 11.5h0',
  fit: 'M3 5h18v14H3zM8 8h8v8H8z',
  fill: 'M3 5h18v14H3zM3 5l18 14M21 5L3 19',
} as const;

export type EditorIconName = keyof typeof PATHS;

export function EditorIcon({ name, size = 18 }: { name: EditorIconName; size?: number }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
