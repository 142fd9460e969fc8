/**
 * The Suomi.fi design tokens. What the design system has no component for (tables, charts, the map,
 * the app shell) is styled from these, so that it looks like one service.
 */
import { suomifiDesignTokens } from 'suomifi-ui-components';

export const tokens = suomifiDesignTokens;
export const { colors, spacing, typography, breakpoints, radiuses, shadows } = suomifiDesignTokens;

/** A focus ring as the design system draws it. */
export const focusRing = suomifiDesignTokens.focuses.boxShadowFocus;

/** Media query for screens narrower than the design system's "m" breakpoint. */
export const smallScreen = `@media (max-width: ${suomifiDesignTokens.breakpoints.m})`;

/**
 * Fills for the four figures in charts. Each also differs in shape (bar thickness), so no reader
 * has to tell them apart by colour alone.
 */
export const figureFills = {
  frame: colors.whiteBase,
  reserved: colors.highlightLight2,
  committed: colors.highlightBase,
  paid: colors.brandBase,
} as const;
