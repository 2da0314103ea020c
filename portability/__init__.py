"""Every reader and writer of a history: the export, the imports (Bearing, JSON Resume,
LinkedIn, spreadsheets) and their pages and commands."""
