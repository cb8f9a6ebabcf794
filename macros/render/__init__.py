"""Pure renderers: validated model in, text out. Markup lives in ../templates."""
