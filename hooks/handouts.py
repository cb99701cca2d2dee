"""Workshop handout PDFs (owned by the site-infrastructure work)."""
