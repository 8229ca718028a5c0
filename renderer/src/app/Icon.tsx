// The few line icons of the UI, drawn as inline SVG elements (no icon font, no network).
const PATHS = {
  plus: 'M12 5v14M5 12h14',
  upload: 'M12 16V4M7 9l5-5 5 5M5 20h14',
  download: 'M12 4v12M7 11l5 5 5-5M5 20h14',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
  pencil: 'M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4',
  restore: 'M4 12a8 8 0 1 0 2.3-5.6M4 4v4h4',
  back: 'M15 6l-6 6 6 6',
  file: 'M7 3h7l5 5v13H7zM14 3v5h5',
  alert: 'M12 4l9 16H3zM12 10v4M12 17v.5',
  check: 'M5 12l5 5 9-10',
  play: 'M8 5v14l11-7z',
  console: 'M3 5h18v11H3zM8 20h8M12 16v4M6 9h6M6 12h4',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM15.5 15.5L20 20',
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
