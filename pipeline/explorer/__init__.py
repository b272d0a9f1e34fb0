"""The analysts' web explorer: trend views, evidence, search and export over the analyst database."""
