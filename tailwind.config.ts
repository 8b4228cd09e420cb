import type { Config } from "tailwindcss";

/** Keydesk's theme. Loaded by app/globals.css through Tailwind v4's `@config`. */
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef5ff",
          100: "#d9e8ff",
          200: "#bcd7ff",
          300: "#8ebdff",
          400: "#5997ff",
          500: "#3372fb",
          600: "#1d53f0",
          700: "#163fdc",
          800: "#1834b2",
          900: "#1a318c",
          950: "#142155",
        },
        ink: { DEFAULT: "#0f172a", muted: "#475569", faint: "#94a3b8" },
        ok: { DEFAULT: "#059669", soft: "#d1fae5" },
        warn: { DEFAULT: "#d97706", soft: "#fef3c7" },
        danger: { DEFAULT: "#dc2626", soft: "#fee2e2" },
      },
      fontFamily: {
        sans: ["Inter", "ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "sans-serif"],
        mono: ["JetBrains Mono", "ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
      },
      borderRadius: { card: "0.875rem" },
      boxShadow: { card: "0 1px 2px rgb(15 23 42 / 0.06), 0 1px 3px rgb(15 23 42 / 0.08)" },
    },
  },
};

export default config;
