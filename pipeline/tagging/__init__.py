"""Tagging: CRINK members and other actors, alliance framings with stance, member pairs."""
