// The sizes a deck is held to (checked by the schemas in model.ts, which re-exports these). Apart from the schemas so
// that a page that must load fast (the show, the print page) can read them without loading zod and building every schema.
export const LIMITS = {
  titleChars: 500,
  textChars: 20_000,
  notesChars: 200_000,
  blocksPerSlide: 200,
  slidesPerDeck: 5_000,
  figuresPerDeck: 20_000,
  labelChars: 200,
  tableColumns: 12,
  tableRows: 60,
  reportBytes: 20 * 1024 * 1024,
  /** A chart's categories (bars, points) and series: beyond these a chart is no longer read from across a room. */
  chartCategories: 24,
  chartSeries: 6,
} as const;
